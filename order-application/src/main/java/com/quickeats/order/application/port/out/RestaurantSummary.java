package com.quickeats.order.application.port.out;

import com.quickeats.order.domain.RestaurantId;
import com.quickeats.order.domain.UserId;

/** A restaurant without its menu: what a list of orders side-loads and a list of restaurants shows. */
public record RestaurantSummary(RestaurantId id, String name, UserId ownerId) {
}
