package com.quickeats.order.domain;

import java.util.Objects;

/**
 * One line of an order: a menu item with its name and price as they were when the order was placed
 * (later menu changes never alter an order), and how many.
 */
public record OrderLine(MenuItemId menuItemId, String name, Money unitPrice, int quantity) {
    public static final int MIN_QUANTITY = 1;
    public static final int MAX_QUANTITY = 99;

    public OrderLine {
        Objects.requireNonNull(menuItemId, "menuItemId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (quantity < MIN_QUANTITY || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("quantity must be " + MIN_QUANTITY + "-" + MAX_QUANTITY);
        }
    }

    public Money lineTotal() {
        return unitPrice.times(quantity);
    }
}
