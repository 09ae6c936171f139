package com.quickeats.order.domain;

import java.util.Arrays;
import java.util.Optional;

/** Which side called an order off: the customer, or the restaurant declining it. */
public enum CancelledBy {
    CUSTOMER("customer"),
    RESTAURANT("restaurant");

    private final String wireName;

    CancelledBy(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<CancelledBy> fromWireName(String name) {
        return Arrays.stream(values()).filter(c -> c.wireName.equals(name)).findFirst();
    }
}
