package com.quickeats.order.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Everything a verb may change on an order, to show that a refused verb changed none of it. */
record OrderSnapshot(long version, OrderStatus status, Optional<Payment> payment,
                     Optional<Cancellation> cancellation, Optional<UserId> riderId, Instant updatedAt,
                     List<OrderEvent> pendingEvents) {

    static OrderSnapshot of(Order order) {
        return new OrderSnapshot(order.version(), order.status(), order.payment(), order.cancellation(),
                order.riderId(), order.updatedAt(), order.pendingEvents());
    }
}
