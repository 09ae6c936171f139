package com.quickeats.order.domain;

import java.util.Set;

/** The order's current status does not allow the action; the order is left exactly as it was. */
public final class InvalidStateTransitionException extends RuleRefusalException {
    private final OrderStatus currentStatus;
    private final OrderAction action;

    public InvalidStateTransitionException(OrderStatus currentStatus, OrderAction action) {
        super("an order that is " + currentStatus.wireName() + " does not allow " + action.wireName()
                + "; allowed: " + OrderTransitions.allowedActions(currentStatus).stream()
                        .map(OrderAction::wireName).toList());
        this.currentStatus = currentStatus;
        this.action = action;
    }

    public OrderStatus currentStatus() {
        return currentStatus;
    }

    public OrderAction action() {
        return action;
    }

    public Set<OrderAction> allowedActions() {
        return OrderTransitions.allowedActions(currentStatus);
    }
}
