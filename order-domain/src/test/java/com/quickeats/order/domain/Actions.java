package com.quickeats.order.domain;

import com.quickeats.order.domain.testing.OrderBuilder;
import com.quickeats.order.domain.testing.RestaurantBuilder;
import java.time.Instant;

/** Takes an action on an order through its verb, with arguments that are valid whatever the status. */
final class Actions {
    private Actions() {
    }

    static OrderEvent take(Order order, OrderAction action, Instant at) {
        return switch (action) {
            case PAYMENT -> order.pay(PaymentMethod.CARD, order.total(), order.customerId(), at);
            case ACCEPTANCE -> order.accept(RestaurantBuilder.OWNER, at);
            case PREPARATION_COMPLETE -> order.completePreparation(RestaurantBuilder.OWNER, at);
            case PICKUP -> order.pickUp(OrderBuilder.RIDER, at);
            case DELIVERY -> order.deliver(OrderBuilder.RIDER, at);
            case CANCELLATION -> order.cancel("changed my mind", CancelledBy.CUSTOMER, order.customerId(), at);
        };
    }
}
