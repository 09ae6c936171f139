package com.quickeats.order.application.port.in;

import com.quickeats.order.domain.InvalidInputException;
import com.quickeats.order.domain.OrderStatus;
import com.quickeats.order.domain.RestaurantId;
import java.util.Objects;
import java.util.Optional;

/** A page of the orders the caller may see, newest first, optionally narrowed; the cursor continues a walk. */
public record ListOrdersQuery(Optional<OrderStatus> status, Optional<RestaurantId> restaurantId, int limit,
                              Optional<String> cursor) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public ListOrdersQuery {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(restaurantId, "restaurantId");
        Objects.requireNonNull(cursor, "cursor");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.of("limit", "must be between 1 and " + MAX_LIMIT);
        }
    }
}
