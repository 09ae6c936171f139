package com.quickeats.adapter.http.idempotency;

import com.quickeats.adapter.http.problem.ExceptionProblems;
import com.quickeats.adapter.http.problem.ProblemWriter;
import com.quickeats.adapter.http.request.IdempotencyKeys;
import com.quickeats.adapter.http.request.RequestBody;
import com.quickeats.adapter.http.web.Responses;
import com.quickeats.order.application.IdempotentExecutor;
import com.quickeats.order.application.IdempotentExecutor.Outcome;
import com.quickeats.order.application.port.out.IdempotencyClaim;
import com.quickeats.order.application.port.out.StoredResponse;
import com.quickeats.order.domain.Actor;
import com.quickeats.order.domain.RuleRefusalException;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs a POST's use case under its {@code Idempotency-Key} (contract §7), in the contract's order of
 * checks: the key's format (400), then replay or mismatch (422), and only then the use case — which
 * parses and validates the body itself, so that a 400 is never stored. Without a key the use case
 * simply runs, and a refusal reaches the exception mapper like any other failure.
 */
public final class IdempotentPosts {
    /** Header telling a client that it got the stored answer of an earlier request. */
    public static final String REPLAYED = "Idempotent-Replayed";

    private final IdempotentExecutor executor;
    private final ProblemWriter problems;

    public IdempotentPosts(IdempotentExecutor executor, ProblemWriter problems) {
        this.executor = executor;
        this.problems = problems;
    }

    /** Whether a route demands a key or merely honours one. */
    public enum KeyRule { REQUIRED, OPTIONAL }

    /** Turns a use case's result into the response a client gets (and a retry replays). */
    @FunctionalInterface
    public interface Success<R> {
        StoredResponse render(R result);
    }

    public <R> void run(Context ctx, Actor actor, KeyRule rule, Function<PostRequest, R> useCase, Success<R> success) {
        Optional<String> key = rule == KeyRule.REQUIRED
                ? Optional.of(IdempotencyKeys.required(ctx))
                : IdempotencyKeys.optional(ctx);
        RequestBody body = RequestBody.of(ctx);
        PostRequest request = new PostRequest(body, key);
        IdempotentExecutor.Renderer<R> renderer = renderer(success, ctx.path());
        if (key.isEmpty()) {
            Responses.write(ctx, success.render(useCase.apply(request)));
            return;
        }
        IdempotencyClaim claim = new IdempotencyClaim(actor.id(), key.get(),
                RequestFingerprint.of(ctx.method().name(), ctx.path(), body.bytes()));
        Outcome outcome = executor.execute(claim, () -> useCase.apply(request), renderer);
        Responses.write(ctx, outcome.response(), outcome.replayed() ? Map.of(REPLAYED, "true") : Map.of());
    }

    private <R> IdempotentExecutor.Renderer<R> renderer(Success<R> success, String instance) {
        return new IdempotentExecutor.Renderer<>() {
            @Override
            public StoredResponse success(R result) {
                return success.render(result);
            }

            @Override
            public StoredResponse refusal(RuleRefusalException refusal) {
                return problems.render(ExceptionProblems.from(refusal), instance);
            }
        };
    }
}
