package com.quickeats.order.application.port.in;

import com.quickeats.order.domain.InvalidInputException;
import com.quickeats.order.domain.MenuItem;
import com.quickeats.order.domain.MenuItemId;
import com.quickeats.order.domain.RestaurantId;
import java.util.Objects;
import java.util.Optional;

/** Change a menu item's price and/or availability; at least one of them. */
public record ChangeMenuItemCommand(RestaurantId restaurantId, MenuItemId itemId, Optional<Long> price,
                                    Optional<Boolean> available) {
    public ChangeMenuItemCommand {
        Objects.requireNonNull(restaurantId, "restaurantId");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(available, "available");
        if (price.isEmpty() && available.isEmpty()) {
            throw InvalidInputException.of("available", "give a new price, a new availability, or both");
        }
        if (price.filter(p -> p < 0 || p > MenuItem.MAX_PRICE).isPresent()) {
            throw InvalidInputException.of("price", "must be between 0 and " + MenuItem.MAX_PRICE + " won");
        }
    }
}
