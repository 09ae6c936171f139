package com.quickeats.order.domain;

import java.util.Arrays;
import java.util.Optional;

/** What can happen to an order; each action is one endpoint of the API and one verb of {@link Order}. */
public enum OrderAction {
    PAYMENT("payment"),
    ACCEPTANCE("acceptance"),
    PREPARATION_COMPLETE("preparation-complete"),
    PICKUP("pickup"),
    DELIVERY("delivery"),
    CANCELLATION("cancellation");

    private final String wireName;

    OrderAction(String wireName) {
        this.wireName = wireName;
    }

    /** The name used on the wire (path segment and {@code allowed_actions}), e.g. {@code preparation-complete}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<OrderAction> fromWireName(String name) {
        return Arrays.stream(values()).filter(a -> a.wireName.equals(name)).findFirst();
    }
}
