package com.quickeats.order.domain;

import java.util.Arrays;
import java.util.Optional;

/** Where an order stands in its life. {@link #DELIVERED} and {@link #CANCELLED} are terminal. */
public enum OrderStatus {
    PENDING_PAYMENT("pending_payment"),
    PENDING_ACCEPTANCE("pending_acceptance"),
    PREPARING("preparing"),
    READY_FOR_PICKUP("ready_for_pickup"),
    IN_TRANSIT("in_transit"),
    DELIVERED("delivered"),
    CANCELLED("cancelled");

    private final String wireName;

    OrderStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The name used on the wire and in storage, e.g. {@code pending_payment}. */
    public String wireName() {
        return wireName;
    }

    /** A terminal status allows no action at all. */
    public boolean isTerminal() {
        return OrderTransitions.allowedActions(this).isEmpty();
    }

    public static Optional<OrderStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }
}
