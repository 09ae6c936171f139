package com.quickeats.order.application;

import com.quickeats.order.application.port.in.PlaceOrderCommand;
import com.quickeats.order.application.port.in.PlacedOrder;
import com.quickeats.order.application.port.out.DuplicateOrderException;
import com.quickeats.order.application.port.out.OrderRepository;
import com.quickeats.order.application.port.out.RestaurantCatalog;
import com.quickeats.order.application.port.out.TransactionRunner;
import com.quickeats.order.domain.AccessPolicy;
import com.quickeats.order.domain.Actor;
import com.quickeats.order.domain.BusinessRuleViolationException;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.Restaurant;
import java.time.Clock;
import java.util.Optional;

/**
 * A customer places an order. The same customer and idempotency key never create two orders: a repeat
 * returns the order the key created, even long after the idempotency record itself was purged.
 */
public final class PlaceOrder {
    private final OrderRepository orders;
    private final RestaurantCatalog restaurants;
    private final TransactionRunner transactions;
    private final Clock clock;

    public PlaceOrder(OrderRepository orders, RestaurantCatalog restaurants, TransactionRunner transactions,
                      Clock clock) {
        this.orders = orders;
        this.restaurants = restaurants;
        this.transactions = transactions;
        this.clock = clock;
    }

    public PlacedOrder place(Actor actor, PlaceOrderCommand command) {
        AccessPolicy.checkMayPlaceOrders(actor);
        try {
            return placeOnce(actor, command);
        } catch (DuplicateOrderException overtaken) {
            // A copy of this request committed between our look-up and our insert; the store refused the
            // second order without aborting the unit of work (ON CONFLICT DO NOTHING), so answer with the order
            // the copy created.
            return transactions.inTransaction(() -> orders.findByCreationKey(actor.id(), command.creationKey())
                    .map(existing -> new PlacedOrder(existing, true))
                    .orElseThrow(() -> overtaken));
        }
    }

    private PlacedOrder placeOnce(Actor actor, PlaceOrderCommand command) {
        return transactions.inTransaction(() -> {
            Optional<Order> existing = orders.findByCreationKey(actor.id(), command.creationKey());
            if (existing.isPresent()) {
                return new PlacedOrder(existing.get(), true);
            }
            Restaurant restaurant = restaurantOf(command);
            Order order = Order.place(orders.nextId(), actor.id(), restaurant, command.items(),
                    command.deliveryAddress(), Now.of(clock));
            orders.add(order, command.creationKey());
            return new PlacedOrder(order, false);
        });
    }

    private Restaurant restaurantOf(PlaceOrderCommand command) {
        if (command.restaurantId().isPresent()) {
            return restaurants.find(command.restaurantId().get())
                    .orElseThrow(() -> BusinessRuleViolationException.of("restaurant_id",
                            "restaurant " + command.restaurantId().get() + " does not exist"));
        }
        String name = command.restaurantName().orElseThrow();
        return restaurants.findByName(name)
                .orElseThrow(() -> BusinessRuleViolationException.of("restaurant_name",
                        "no restaurant is named '" + name + "'"));
    }
}
