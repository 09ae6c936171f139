package com.quickeats.order.domain;

import java.util.Objects;

/**
 * One problem with one input field, named as the API names it (e.g. {@code items[0].quantity}),
 * with a message a client developer can act on.
 */
public record FieldViolation(String field, String message) {
    public FieldViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
