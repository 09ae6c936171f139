package com.quickeats.adapter.http.restaurant;

import com.quickeats.order.application.port.out.RestaurantSummary;

/** A restaurant without its menu: an entry of the restaurant list, and what an order list side-loads. */
public record RestaurantSummaryResponse(long id, String name, String ownerId) {
    public static RestaurantSummaryResponse of(RestaurantSummary summary) {
        return new RestaurantSummaryResponse(summary.id().value(), summary.name(), summary.ownerId().value());
    }
}
