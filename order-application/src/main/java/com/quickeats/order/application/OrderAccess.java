package com.quickeats.order.application;

import com.quickeats.order.application.port.out.OrderRepository;
import com.quickeats.order.application.port.out.RestaurantCatalog;
import com.quickeats.order.application.port.out.RestaurantSummary;
import com.quickeats.order.domain.AccessPolicy;
import com.quickeats.order.domain.Actor;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderId;
import com.quickeats.order.domain.UserId;
import java.util.List;

/** Loads an order the caller may see, with its restaurant's owner; anything else is "not found". */
final class OrderAccess {
    private final OrderRepository orders;
    private final RestaurantCatalog restaurants;

    OrderAccess(OrderRepository orders, RestaurantCatalog restaurants) {
        this.orders = orders;
        this.restaurants = restaurants;
    }

    record Visible(Order order, UserId restaurantOwner) {
    }

    Visible load(Actor actor, OrderId id) {
        Order order = orders.find(id).orElseThrow(() -> notFound(id));
        UserId owner = ownerOf(order);
        if (!AccessPolicy.maySee(actor, order, owner)) {
            throw notFound(id);
        }
        return new Visible(order, owner);
    }

    private UserId ownerOf(Order order) {
        List<RestaurantSummary> found = restaurants.summaries(List.of(order.restaurantId()));
        if (found.isEmpty()) {
            throw new IllegalStateException("order " + order.id() + " references missing restaurant "
                    + order.restaurantId());
        }
        return found.get(0).ownerId();
    }

    static NotFoundException notFound(OrderId id) {
        return new NotFoundException("order " + id);
    }
}
