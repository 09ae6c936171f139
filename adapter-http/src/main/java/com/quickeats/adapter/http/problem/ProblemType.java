package com.quickeats.adapter.http.problem;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every kind of problem the API answers with (contract §2): its slug (the last segment of its
 * {@code type} URI), its status, its title, and the sentence its human page shows.
 */
public enum ProblemType {
    MALFORMED_REQUEST("malformed-request", 400, "Malformed request",
            "The request body is not JSON, has fields of the wrong type, misses required fields or has values"
                    + " out of range. The errors member lists every field problem at once."),
    IDEMPOTENCY_KEY_MISSING("idempotency-key-missing", 400, "Idempotency key missing or invalid",
            "This POST needs an Idempotency-Key header of 1 to 255 visible ASCII characters, bare or quoted."),
    UNAUTHENTICATED("unauthenticated", 401, "Unauthenticated",
            "Send Authorization: Bearer with a valid HS256 token carrying sub, role and exp."),
    FORBIDDEN("forbidden", 403, "Forbidden",
            "You can see this resource, but your role may not perform this action on it."),
    NOT_FOUND("not-found", 404, "Not found",
            "There is no such resource, or you may not see it."),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed",
            "The resource exists but does not support this method; the Allow header lists those it does."),
    INVALID_STATE_TRANSITION("invalid-state-transition", 409, "Invalid state transition",
            "The order's current status does not allow this action; current_status and allowed_actions say"
                    + " what it does allow."),
    REQUEST_IN_PROGRESS("request-in-progress", 409, "Request in progress",
            "A request with the same idempotency key is still executing. Retry after the Retry-After delay."),
    PRECONDITION_FAILED("precondition-failed", 412, "Precondition failed",
            "If-Match does not match the order's current ETag: somebody changed it meanwhile. Read it again"
                    + " (the current ETag is in the response) and decide whether to retry."),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Payload too large",
            "Request bodies are limited to 64 KiB."),
    URI_TOO_LONG("uri-too-long", 414, "URI too long",
            "The request's target (path and query) is longer than the server accepts. No API path needs that"
                    + " much; check how the URI was built."),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type",
            "Request bodies must be sent as Content-Type: application/json."),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "Idempotency key reused",
            "This idempotency key was already used for a different request (method, path or body)."
                    + " Use a new key for a new request."),
    UNPROCESSABLE("unprocessable", 422, "Unprocessable request",
            "The request is well formed but cannot be honoured: an unknown restaurant, a menu item that is not"
                    + " on the menu or not available, a payment amount that differs from the order total."),
    PRECONDITION_REQUIRED("precondition-required", 428, "Precondition required",
            "State-changing actions on an order need If-Match with the order's current ETag."),
    REQUEST_HEADER_TOO_LARGE("request-header-too-large", 431, "Request header fields too large",
            "The request's header section is larger than the server accepts. Send fewer or shorter headers."),
    SERVICE_UNAVAILABLE("service-unavailable", 503, "Service unavailable",
            "The service cannot reach its database right now. Retry after the Retry-After delay."),
    INTERNAL("internal", 500, "Internal error",
            "Something went wrong on our side. It is not caused by anything you sent.");

    private final String slug;
    private final int status;
    private final String title;
    private final String description;

    ProblemType(String slug, int status, String title, String description) {
        this.slug = slug;
        this.status = status;
        this.title = title;
        this.description = description;
    }

    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** The relative URI of the problem's human page, e.g. {@code /problems/not-found}. */
    public String uri() {
        return "/problems/" + slug;
    }

    public static Optional<ProblemType> bySlug(String slug) {
        return Arrays.stream(values()).filter(t -> t.slug.equals(slug)).findFirst();
    }
}
