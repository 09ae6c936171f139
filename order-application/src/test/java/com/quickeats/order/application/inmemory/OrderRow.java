package com.quickeats.order.application.inmemory;

import com.quickeats.order.application.port.out.RecordedEvent;
import com.quickeats.order.domain.Cancellation;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderEvent;
import com.quickeats.order.domain.OrderId;
import com.quickeats.order.domain.OrderLine;
import com.quickeats.order.domain.OrderStatus;
import com.quickeats.order.domain.Payment;
import com.quickeats.order.domain.RestaurantId;
import com.quickeats.order.domain.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An order as stored: an immutable copy of its state with the key that created it and its history, so that
 * whoever loads it gets a fresh {@link Order} and a use case never changes what is stored by accident.
 */
record OrderRow(OrderId id, UserId customerId, RestaurantId restaurantId, UserId restaurantOwnerId,
                List<OrderLine> lines, String deliveryAddress, OrderStatus status, long version, Payment payment,
                Cancellation cancellation, UserId riderId, Instant createdAt, Instant updatedAt,
                String creationKey, List<RecordedEvent> history) {

    OrderRow {
        lines = List.copyOf(lines);
        history = List.copyOf(history);
    }

    /**
     * The row for {@code order} after a write based on {@code baseVersion}: its events past that version are
     * appended to {@code history}, and they must account for every version in between.
     */
    static OrderRow of(Order order, String creationKey, long baseVersion, List<RecordedEvent> history) {
        List<RecordedEvent> all = new ArrayList<>(history);
        long expected = baseVersion + 1;
        for (OrderEvent event : order.pendingEvents()) {
            if (event.version() <= baseVersion) {
                continue;
            }
            if (event.version() != expected) {
                throw new IllegalStateException("order " + order.id() + " has event version " + event.version()
                        + " where " + expected + " was due");
            }
            all.add(new RecordedEvent(all.size() + 1, event.type(), event.occurredAt(), event.actor(),
                    event.version()));
            expected++;
        }
        if (expected != order.version() + 1) {
            throw new IllegalStateException("order " + order.id() + " is at version " + order.version()
                    + " but its events only reach " + (expected - 1));
        }
        return new OrderRow(order.id(), order.customerId(), order.restaurantId(), order.restaurantOwnerId(),
                order.lines(), order.deliveryAddress(), order.status(), order.version(), order.payment().orElse(null),
                order.cancellation().orElse(null), order.riderId().orElse(null), order.createdAt(),
                order.updatedAt(), creationKey, all);
    }

    Order toOrder() {
        return Order.rehydrate(id, customerId, restaurantId, restaurantOwnerId, lines, deliveryAddress, status,
                version, payment, cancellation, riderId, createdAt, updatedAt);
    }
}
