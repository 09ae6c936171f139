package com.quickeats.order.domain;

import java.time.Instant;
import java.util.Objects;

/** A payment taken for an order: always exactly its total. */
public record Payment(PaymentMethod method, Money amount, Instant paidAt) {
    public Payment {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(paidAt, "paidAt");
    }
}
