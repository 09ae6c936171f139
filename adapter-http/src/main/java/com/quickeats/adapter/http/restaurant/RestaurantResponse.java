package com.quickeats.adapter.http.restaurant;

import com.quickeats.order.domain.Restaurant;
import java.util.List;

/** A restaurant with its whole menu. */
public record RestaurantResponse(long id, String name, String ownerId, List<MenuItemResponse> menu) {
    public static RestaurantResponse of(Restaurant restaurant) {
        return new RestaurantResponse(restaurant.id().value(), restaurant.name(), restaurant.ownerId().value(),
                restaurant.menu().stream().map(MenuItemResponse::of).toList());
    }
}
