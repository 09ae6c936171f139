package com.quickeats.order.application.port.out;

import com.quickeats.order.domain.UserId;

/** The customer already placed an order with this idempotency key. */
public final class DuplicateOrderException extends RuntimeException {
    public DuplicateOrderException(UserId customer, String creationKey) {
        super("customer " + customer + " already placed an order with key " + creationKey, null, false, false);
    }
}
