package com.quickeats.order.domain;

/** Identity of a menu item: a positive 64-bit number handed out by the catalogue. */
public record MenuItemId(long value) {
    public MenuItemId {
        if (value <= 0) {
            throw new IllegalArgumentException("a menu item id is positive, got " + value);
        }
    }

    public static MenuItemId of(long value) {
        return new MenuItemId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
