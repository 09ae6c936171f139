package com.quickeats.order.domain;

/** Identity of a restaurant: a positive 64-bit number handed out by the catalogue. */
public record RestaurantId(long value) {
    public RestaurantId {
        if (value <= 0) {
            throw new IllegalArgumentException("a restaurant id is positive, got " + value);
        }
    }

    public static RestaurantId of(long value) {
        return new RestaurantId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
