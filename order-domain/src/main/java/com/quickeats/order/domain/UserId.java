package com.quickeats.order.domain;

/** A person known to the platform: the {@code sub} of their token (customer, owner, rider or admin). */
public record UserId(String value) {
    public static final int MAX_LENGTH = 255;

    public UserId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a user id is a non-blank string");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a user id has at most " + MAX_LENGTH + " characters");
        }
    }

    public static UserId of(String value) {
        return new UserId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
