package com.quickeats.order.application;

import com.quickeats.order.domain.RuleRefusalException;
import com.quickeats.order.application.port.out.StoredResponse;
import com.quickeats.order.domain.BusinessRuleViolationException;
import com.quickeats.order.domain.Order;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Renders outcomes the way the HTTP adapter would, closely enough to tell them apart on replay. */
final class TestRenderer {
    private TestRenderer() {
    }

    static IdempotentExecutor.Renderer<Order> orders() {
        return renderer(order -> new StoredResponse(200, Map.of("ETag", "\"order-" + order.id() + "-v"
                + order.version() + "\""), body(order.toString())));
    }

    /** For results that are just text, e.g. a token that proves which run produced a response. */
    static IdempotentExecutor.Renderer<String> text() {
        return renderer(text -> new StoredResponse(200, Map.of(), body(text)));
    }

    static String bodyOf(StoredResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static <R> IdempotentExecutor.Renderer<R> renderer(java.util.function.Function<R, StoredResponse> ok) {
        return new IdempotentExecutor.Renderer<>() {
            @Override
            public StoredResponse success(R result) {
                return ok.apply(result);
            }

            @Override
            public StoredResponse refusal(RuleRefusalException domainRefusal) {
                int status = domainRefusal instanceof BusinessRuleViolationException ? 422 : 409;
                return new StoredResponse(status, Map.of(), body(domainRefusal.getMessage()));
            }
        };
    }

    private static byte[] body(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
