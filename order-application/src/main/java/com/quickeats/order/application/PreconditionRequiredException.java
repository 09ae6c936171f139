package com.quickeats.order.application;

import com.quickeats.order.domain.OrderId;

/** A state-changing action came without saying which version of the order it was meant for. */
public final class PreconditionRequiredException extends ApplicationException {
    public PreconditionRequiredException(OrderId orderId) {
        super("an action on order " + orderId + " must say which version it applies to (If-Match)");
    }
}
