package com.quickeats.order.application.port.out;

import com.quickeats.order.domain.OrderStatus;
import com.quickeats.order.domain.RestaurantId;
import com.quickeats.order.domain.VisibilityScope;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of orders, newest first: those inside {@code scope}, narrowed by the optional filters, that
 * come strictly after {@code after} in (created_at desc, id desc) order; at most {@code limit} of them.
 */
public record OrderPageRequest(VisibilityScope scope, Optional<OrderStatus> status,
                               Optional<RestaurantId> restaurantId, Optional<Keyset> after, int limit) {
    public OrderPageRequest {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(restaurantId, "restaurantId");
        Objects.requireNonNull(after, "after");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    /** The position of the last order of the previous page. */
    public record Keyset(Instant createdAt, long id) {
        public Keyset {
            Objects.requireNonNull(createdAt, "createdAt");
        }
    }
}
