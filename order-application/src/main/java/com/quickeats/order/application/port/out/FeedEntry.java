package com.quickeats.order.application.port.out;

import com.quickeats.order.domain.OrderStatus;
import com.quickeats.order.domain.RestaurantId;
import com.quickeats.order.domain.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * One order event as the feed reads it from the outbox: who may see it and what it narrows on, beside its
 * data, already rendered as the JSON the wire carries.
 *
 * @param previousStatus the status the event moved the order out of; empty for a placement
 */
public record FeedEntry(FeedPosition position, long orderId, long version, String type, OrderStatus status,
                        Optional<OrderStatus> previousStatus, RestaurantId restaurantId, UserId customerId,
                        UserId ownerId, Optional<UserId> riderId, Instant occurredAt, String data) {
}
