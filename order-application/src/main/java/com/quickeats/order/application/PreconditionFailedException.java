package com.quickeats.order.application;

import com.quickeats.order.domain.OrderId;

/** The order is no longer at the version the caller based its action on; nothing was changed. */
public final class PreconditionFailedException extends ApplicationException {
    private final OrderId orderId;
    private final long currentVersion;

    public PreconditionFailedException(OrderId orderId, long currentVersion) {
        super("order " + orderId + " is now at version " + currentVersion + ", which the request did not expect");
        this.orderId = orderId;
        this.currentVersion = currentVersion;
    }

    public OrderId orderId() {
        return orderId;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
