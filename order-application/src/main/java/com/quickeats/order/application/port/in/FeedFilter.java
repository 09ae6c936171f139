package com.quickeats.order.application.port.in;

import com.quickeats.order.domain.OrderStatus;
import com.quickeats.order.domain.RestaurantId;
import java.util.Objects;
import java.util.Optional;

/**
 * What a subscriber narrows the feed to, like the order list's filters: only ever less than it may see. A
 * status matches the events that bring an order into that status and the ones that take it out of it, so a
 * screen of the orders in one status learns when one leaves.
 */
public record FeedFilter(Optional<OrderStatus> status, Optional<RestaurantId> restaurantId) {
    public static final FeedFilter NONE = new FeedFilter(Optional.empty(), Optional.empty());

    public FeedFilter {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(restaurantId, "restaurantId");
    }
}
