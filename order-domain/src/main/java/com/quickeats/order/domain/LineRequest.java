package com.quickeats.order.domain;

import java.util.Objects;

/** What a customer asks for on one line: a menu item and a quantity. The price comes from the menu. */
public record LineRequest(MenuItemId menuItemId, int quantity) {
    public LineRequest {
        Objects.requireNonNull(menuItemId, "menuItemId");
    }
}
