package com.quickeats.order.application.port.in;

import com.quickeats.order.application.port.out.RestaurantSummary;
import com.quickeats.order.domain.Order;
import java.util.List;
import java.util.Optional;

/** A page of orders, each restaurant they reference once, and the cursor of the next page if there is one. */
public record OrderPage(List<Order> orders, List<RestaurantSummary> restaurants, Optional<String> nextCursor) {
    public OrderPage {
        orders = List.copyOf(orders);
        restaurants = List.copyOf(restaurants);
    }
}
