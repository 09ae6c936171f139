package com.quickeats.order.domain;

/** Identity of an order: a positive 64-bit number handed out by the repository. */
public record OrderId(long value) {
    public OrderId {
        if (value <= 0) {
            throw new IllegalArgumentException("an order id is positive, got " + value);
        }
    }

    public static OrderId of(long value) {
        return new OrderId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
