package com.quickeats.order.application.port.in;

import com.quickeats.order.domain.InvalidInputException;
import com.quickeats.order.domain.Restaurant;
import com.quickeats.order.domain.UserId;
import com.quickeats.order.domain.Violations;

/** Register a restaurant for an owner. */
public record RegisterRestaurantCommand(String name, String ownerId) {
    public RegisterRestaurantCommand {
        Violations violations = new Violations();
        Restaurant.checkName(name, violations);
        violations.check(ownerId != null && !ownerId.isBlank() && ownerId.length() <= UserId.MAX_LENGTH,
                "owner_id", "must be a non-blank user id of at most " + UserId.MAX_LENGTH + " characters");
        violations.throwIfAny(InvalidInputException::new);
    }
}
