package com.quickeats.adapter.http.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One RFC 9457 problem: its type, the specific detail, extension members (already in wire names) and
 * the response headers that go with it ({@code Allow}, {@code Retry-After}, {@code ETag}, …).
 */
public record Problem(ProblemType type, String detail, Map<String, Object> members, Map<String, String> headers) {
    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(detail, "detail");
        members = Map.copyOf(members);
        headers = Map.copyOf(headers);
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type, detail, Map.of(), Map.of());
    }

    public Problem withMember(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(members);
        more.put(name, value);
        return new Problem(type, detail, more, headers);
    }

    public Problem withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Problem(type, detail, members, more);
    }

    /** The body, members in the RFC's order first, for the request at {@code instance}. */
    public Map<String, Object> body(String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.uri());
        body.put("title", type.title());
        body.put("status", type.status());
        body.put("detail", detail);
        body.put("instance", instance);
        members.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> body.put(e.getKey(), e.getValue()));
        return body;
    }
}
