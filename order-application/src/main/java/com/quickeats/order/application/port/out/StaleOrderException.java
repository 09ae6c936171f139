package com.quickeats.order.application.port.out;

import com.quickeats.order.domain.OrderId;

/**
 * An update was refused because the stored order is no longer at the version the writer loaded:
 * somebody else changed it first. Nothing was written.
 */
public final class StaleOrderException extends RuntimeException {
    private final OrderId orderId;
    private final long expectedVersion;

    public StaleOrderException(OrderId orderId, long expectedVersion) {
        super("order " + orderId + " is no longer at version " + expectedVersion, null, false, false);
        this.orderId = orderId;
        this.expectedVersion = expectedVersion;
    }

    public OrderId orderId() {
        return orderId;
    }

    public long expectedVersion() {
        return expectedVersion;
    }
}
