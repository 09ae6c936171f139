package com.quickeats.adapter.http.problem;

import io.javalin.http.HttpResponseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The refusals Javalin makes before any handler runs — no such route, a method the route lacks, a body
 * over the limit — as the contract's problems.
 */
public final class FrameworkProblems {
    /** The order in which {@code Allow} lists methods. */
    private static final List<String> METHOD_ORDER = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE",
            "OPTIONS");

    private FrameworkProblems() {
    }

    public static Problem from(HttpResponseException refusal, String method, String path) {
        return switch (refusal.getStatus()) {
            case 404 -> Problem.of(ProblemType.NOT_FOUND, "There is nothing at " + method + " " + path + ".");
            case 405 -> methodNotAllowed(refusal.getDetails().getOrDefault("availableMethods", ""), method);
            case 413 -> Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than 64 KiB.");
            case 415 -> Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send bodies as application/json.");
            case 503 -> Problem.of(ProblemType.SERVICE_UNAVAILABLE, "The service is unavailable; retry shortly.")
                    .withHeader("Retry-After", ExceptionProblems.RETRY_AFTER_UNAVAILABLE);
            default -> refusal.getStatus() >= 500
                    ? ExceptionProblems.from(refusal)
                    : Problem.of(ProblemType.MALFORMED_REQUEST, "The request could not be understood.");
        };
    }

    private static Problem methodNotAllowed(String available, String method) {
        Set<String> allowed = new LinkedHashSet<>();
        Arrays.stream(available.split("[,\\s]+")).filter(m -> !m.isBlank()).forEach(allowed::add);
        if (allowed.contains("GET")) {
            allowed.add("HEAD");
        }
        String allow = String.join(", ", allowed.stream()
                .sorted((a, b) -> Integer.compare(rank(a), rank(b))).toList());
        return Problem.of(ProblemType.METHOD_NOT_ALLOWED, method + " is not supported here; use " + allow + ".")
                .withHeader("Allow", allow);
    }

    private static int rank(String method) {
        int rank = METHOD_ORDER.indexOf(method);
        return rank < 0 ? METHOD_ORDER.size() : rank;
    }
}
