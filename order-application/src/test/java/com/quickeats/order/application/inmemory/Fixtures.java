package com.quickeats.order.application.inmemory;

import com.quickeats.order.domain.LineRequest;
import com.quickeats.order.domain.MenuItemId;
import com.quickeats.order.domain.Money;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderId;
import com.quickeats.order.domain.Restaurant;
import com.quickeats.order.domain.RestaurantId;
import com.quickeats.order.domain.UserId;
import java.time.Instant;
import java.util.List;

/** Aggregates built straight through the domain, for testing the adapters without the use cases. */
final class Fixtures {
    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final UserId CUSTOMER = UserId.of("customer-1");
    static final UserId OWNER = UserId.of("owner-1");
    static final MenuItemId CHICKEN = MenuItemId.of(10);

    private Fixtures() {
    }

    static Restaurant restaurant(long id, String owner) {
        return Restaurant.register(RestaurantId.of(id), "식당 " + id, UserId.of(owner))
                .addMenuItem(CHICKEN, "후라이드치킨", Money.won(18_000));
    }

    static Order order(long id, Restaurant restaurant, UserId customer, Instant at) {
        return Order.place(OrderId.of(id), customer, restaurant, List.of(new LineRequest(CHICKEN, 1)), "주소", at);
    }
}
