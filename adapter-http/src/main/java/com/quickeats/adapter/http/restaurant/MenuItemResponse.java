package com.quickeats.adapter.http.restaurant;

import com.quickeats.order.domain.MenuItem;

/** A menu item on the wire. */
public record MenuItemResponse(long id, String name, long price, boolean available) {
    public static MenuItemResponse of(MenuItem item) {
        return new MenuItemResponse(item.id().value(), item.name(), item.price().amount(), item.available());
    }
}
