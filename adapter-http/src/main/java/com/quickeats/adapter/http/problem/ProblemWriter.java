package com.quickeats.adapter.http.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.quickeats.adapter.http.web.Responses;
import com.quickeats.order.application.port.out.StoredResponse;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes problems as {@code application/problem+json}, to a live response or as a replayable one. */
public final class ProblemWriter {
    public static final String CONTENT_TYPE = "application/problem+json";

    private final ObjectMapper mapper;

    public ProblemWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void write(Context ctx, Problem problem) {
        Responses.write(ctx, render(problem, ctx.path()));
    }

    /** For failures Javalin reports without a context (a {@link Error} thrown by a handler). */
    public void write(HttpServletResponse response, Problem problem) {
        StoredResponse rendered = render(problem, "/");
        try {
            response.setStatus(rendered.status());
            rendered.headers().forEach(response::setHeader);
            response.getOutputStream().write(rendered.body());
        } catch (IOException | IllegalStateException gone) {
            // the client is gone or the response was already committed: nothing more to say
        }
    }

    /** The problem as the response to the request at {@code instance}, with all its headers. */
    public StoredResponse render(Problem problem, String instance) {
        Map<String, String> headers = new LinkedHashMap<>(problem.headers());
        headers.put(Responses.CONTENT_TYPE, CONTENT_TYPE);
        try {
            return new StoredResponse(problem.type().status(), headers,
                    mapper.writeValueAsBytes(problem.body(instance)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem body is plain strings, numbers and lists", e);
        }
    }
}
