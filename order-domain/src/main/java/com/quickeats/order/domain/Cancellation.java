package com.quickeats.order.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Why and by whom an order was called off. {@code refundDue} is true exactly when the order had been
 * paid; {@code reason} is {@code null} when none was given.
 */
public record Cancellation(String reason, CancelledBy cancelledBy, boolean refundDue, Instant cancelledAt) {
    public static final int MAX_REASON_LENGTH = 500;

    public Cancellation {
        Objects.requireNonNull(cancelledBy, "cancelledBy");
        Objects.requireNonNull(cancelledAt, "cancelledAt");
        if (reason != null && Violations.length(reason) > MAX_REASON_LENGTH) {
            throw InvalidInputException.of("reason", "must have at most " + MAX_REASON_LENGTH + " characters");
        }
    }
}
