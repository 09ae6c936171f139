package com.quickeats.order.application.port.in;

import com.quickeats.order.domain.InvalidInputException;
import com.quickeats.order.domain.LineRequest;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.RestaurantId;
import com.quickeats.order.domain.Violations;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Place an order at a restaurant named by id or, failing that, by exact name. {@code creationKey} is the
 * request's idempotency key; the order keeps it so that the same key never creates a second order.
 */
public record PlaceOrderCommand(Optional<RestaurantId> restaurantId, Optional<String> restaurantName,
                                List<LineRequest> items, String deliveryAddress, String creationKey) {
    public PlaceOrderCommand {
        Objects.requireNonNull(restaurantId, "restaurantId");
        Objects.requireNonNull(restaurantName, "restaurantName");
        Objects.requireNonNull(creationKey, "creationKey");
        Violations violations = new Violations();
        violations.check(restaurantId.isPresent() || restaurantName.filter(n -> !n.isBlank()).isPresent(),
                "restaurant_id", "is required (or restaurant_name)");
        Order.checkPlacement(items, deliveryAddress, violations);
        violations.throwIfAny(InvalidInputException::new);
        items = List.copyOf(items);
    }
}
