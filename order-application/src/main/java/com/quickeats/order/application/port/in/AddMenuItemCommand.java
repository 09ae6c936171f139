package com.quickeats.order.application.port.in;

import com.quickeats.order.domain.InvalidInputException;
import com.quickeats.order.domain.MenuItem;
import com.quickeats.order.domain.RestaurantId;
import com.quickeats.order.domain.Violations;
import java.util.Objects;

/** Put a new item on a restaurant's menu. */
public record AddMenuItemCommand(RestaurantId restaurantId, String name, long price) {
    public AddMenuItemCommand {
        Objects.requireNonNull(restaurantId, "restaurantId");
        Violations violations = new Violations();
        violations.check(name != null && !name.isBlank(), "name", "must not be blank");
        violations.check(name == null || Violations.length(name) <= MenuItem.MAX_NAME_LENGTH, "name",
                "must have at most " + MenuItem.MAX_NAME_LENGTH + " characters");
        violations.check(price >= 0 && price <= MenuItem.MAX_PRICE, "price",
                "must be between 0 and " + MenuItem.MAX_PRICE + " won");
        violations.throwIfAny(InvalidInputException::new);
    }
}
