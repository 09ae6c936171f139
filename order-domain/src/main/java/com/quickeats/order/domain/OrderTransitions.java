package com.quickeats.order.domain;

import static com.quickeats.order.domain.OrderStatus.CANCELLED;
import static com.quickeats.order.domain.OrderStatus.DELIVERED;
import static com.quickeats.order.domain.OrderStatus.IN_TRANSIT;
import static com.quickeats.order.domain.OrderStatus.PENDING_ACCEPTANCE;
import static com.quickeats.order.domain.OrderStatus.PREPARING;
import static com.quickeats.order.domain.OrderStatus.READY_FOR_PICKUP;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The order state machine, written down once: for every status, the actions it allows and where
 * each one leads. Everything else is refused. Once an order is {@code preparing} it can no longer be
 * cancelled; {@code delivered} and {@code cancelled} allow nothing.
 */
public final class OrderTransitions {

    private OrderTransitions() {
    }

    /** The status that {@code action} leads to from {@code from}, or empty when the action is refused there. */
    public static Optional<OrderStatus> next(OrderStatus from, OrderAction action) {
        OrderStatus to = switch (from) {
            case PENDING_PAYMENT -> switch (action) {
                case PAYMENT -> PENDING_ACCEPTANCE;
                case CANCELLATION -> CANCELLED;
                default -> null;
            };
            case PENDING_ACCEPTANCE -> switch (action) {
                case ACCEPTANCE -> PREPARING;
                case CANCELLATION -> CANCELLED;
                default -> null;
            };
            case PREPARING -> action == OrderAction.PREPARATION_COMPLETE ? READY_FOR_PICKUP : null;
            case READY_FOR_PICKUP -> action == OrderAction.PICKUP ? IN_TRANSIT : null;
            case IN_TRANSIT -> action == OrderAction.DELIVERY ? DELIVERED : null;
            case DELIVERED, CANCELLED -> null;
        };
        return Optional.ofNullable(to);
    }

    /** The actions allowed from {@code status}, in the order of the life cycle. */
    public static Set<OrderAction> allowedActions(OrderStatus status) {
        EnumSet<OrderAction> allowed = EnumSet.noneOf(OrderAction.class);
        for (OrderAction action : OrderAction.values()) {
            if (next(status, action).isPresent()) {
                allowed.add(action);
            }
        }
        return Collections.unmodifiableSet(allowed);
    }
}
