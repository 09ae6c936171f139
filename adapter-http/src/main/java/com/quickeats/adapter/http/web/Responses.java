package com.quickeats.adapter.http.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.quickeats.order.application.port.out.StoredResponse;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Responses as exact bytes: rendered once, then written to the client and, for idempotent requests,
 * stored so that a replay is byte-for-byte what the first caller got.
 */
public final class Responses {
    public static final String JSON = "application/json";
    public static final String CONTENT_TYPE = "Content-Type";

    private Responses() {
    }

    /** {@code value} as a JSON response with {@code headers} (e.g. ETag, Location). */
    public static StoredResponse json(ObjectMapper mapper, int status, Object value, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(CONTENT_TYPE, JSON);
        try {
            return new StoredResponse(status, all, mapper.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response records always serialise", e);
        }
    }

    /**
     * Writes the response straight to the servlet response. Not through {@code ctx.result}: Javalin would
     * then turn any response whose ETag equals the request's If-None-Match into a 304 — a 412 or an action's
     * 200 included — which is for the GET handler alone to decide.
     */
    public static void write(Context ctx, StoredResponse response) {
        write(ctx, response, Map.of());
    }

    /** The response with {@code moreHeaders} (e.g. {@code Idempotent-Replayed}) besides its own. */
    public static void write(Context ctx, StoredResponse response, Map<String, String> moreHeaders) {
        HttpServletResponse servlet = ctx.res();
        servlet.setStatus(response.status());
        moreHeaders.forEach(servlet::setHeader);
        response.headers().forEach((name, value) -> {
            if (name.equalsIgnoreCase(CONTENT_TYPE)) {
                servlet.setContentType(value);
            } else {
                servlet.setHeader(name, value);
            }
        });
        byte[] body = response.body();
        servlet.setContentLength(body.length);
        try {
            servlet.getOutputStream().write(body);
        } catch (IOException clientGone) {
            throw new UncheckedIOException(clientGone);
        }
    }
}
