package com.quickeats.order.application;

import com.quickeats.order.application.port.out.OrderRepository;
import com.quickeats.order.domain.AccessPolicy;
import com.quickeats.order.domain.Actor;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderId;

/** Loads an order the caller may see; anything else is "not found", so a stranger learns nothing. */
final class OrderAccess {
    private final OrderRepository orders;

    OrderAccess(OrderRepository orders) {
        this.orders = orders;
    }

    Order load(Actor actor, OrderId id) {
        return orders.find(id)
                .filter(order -> AccessPolicy.maySee(actor, order))
                .orElseThrow(() -> notFound(id));
    }

    static NotFoundException notFound(OrderId id) {
        return new NotFoundException("order " + id);
    }
}
