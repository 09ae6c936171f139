package com.quickeats.adapter.http.order;

import com.quickeats.adapter.http.restaurant.RestaurantSummaryResponse;
import com.quickeats.order.application.port.in.OrderPage;
import java.util.List;

/** A page of orders with the restaurants they reference side-loaded, and the cursor of the next page. */
public record OrderPageResponse(List<OrderResponse> results, Included included, String nextCursor) {

    public record Included(List<RestaurantSummaryResponse> restaurants) {
    }

    public static OrderPageResponse of(OrderPage page) {
        return new OrderPageResponse(page.orders().stream().map(OrderResponse::of).toList(),
                new Included(page.restaurants().stream().map(RestaurantSummaryResponse::of).toList()),
                page.nextCursor().orElse(null));
    }
}
