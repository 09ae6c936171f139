package com.quickeats.order.domain;

import java.util.Objects;

/** Something a restaurant sells, at its current price; an unavailable item cannot be ordered. */
public record MenuItem(MenuItemId id, String name, Money price, boolean available) {
    public static final int MAX_NAME_LENGTH = 200;
    /** One hundred million won: far above any dish, low enough that no order total can overflow. */
    public static final long MAX_PRICE = 100_000_000L;

    public MenuItem {
        Objects.requireNonNull(id, "id");
        Violations violations = new Violations();
        checkName(name, violations);
        checkPrice(price == null ? null : price.amount(), violations);
        violations.throwIfAny(InvalidInputException::new);
    }

    static void checkName(String name, Violations violations) {
        violations.check(name != null && !name.isBlank(), "name", "must not be blank");
        violations.check(name == null || Violations.length(name) <= MAX_NAME_LENGTH, "name",
                "must have at most " + MAX_NAME_LENGTH + " characters");
    }

    static void checkPrice(Long price, Violations violations) {
        violations.check(price != null, "price", "is required");
        violations.check(price == null || (price >= 0 && price <= MAX_PRICE), "price",
                "must be between 0 and " + MAX_PRICE + " won");
    }

    MenuItem withPrice(Money newPrice) {
        return new MenuItem(id, name, newPrice, available);
    }

    MenuItem withAvailability(boolean nowAvailable) {
        return new MenuItem(id, name, price, nowAvailable);
    }
}
