package com.quickeats.order.application;

import com.quickeats.order.application.port.in.FeedFilter;
import com.quickeats.order.application.port.out.FeedEntry;
import com.quickeats.order.domain.OrderStatus;
import com.quickeats.order.domain.VisibilityScope;

/**
 * Which events of the feed a subscriber receives: those of orders inside its visibility scope (contract §3,
 * the same scope as reading one order), plus the event that takes an order out of a rider's scope, so that a
 * rider sees an order awaiting pickup leave when another rider picks it up. Filters only narrow that.
 */
final class FeedVisibility {
    private FeedVisibility() {
    }

    static boolean delivers(VisibilityScope scope, FeedFilter filter, FeedEntry entry) {
        return mayWatch(scope, entry) && matches(filter, entry);
    }

    private static boolean mayWatch(VisibilityScope scope, FeedEntry entry) {
        if (scope instanceof VisibilityScope.PlacedBy placedBy) {
            return entry.customerId().equals(placedBy.customer());
        }
        if (scope instanceof VisibilityScope.ForRestaurantsOf owner) {
            return entry.ownerId().equals(owner.owner());
        }
        if (scope instanceof VisibilityScope.RiddenByOrAwaitingPickup rider) {
            return entry.status() == OrderStatus.READY_FOR_PICKUP
                    || entry.previousStatus().filter(OrderStatus.READY_FOR_PICKUP::equals).isPresent()
                    || entry.riderId().filter(rider.rider()::equals).isPresent();
        }
        return scope instanceof VisibilityScope.Everything;
    }

    private static boolean matches(FeedFilter filter, FeedEntry entry) {
        boolean status = filter.status().map(wanted -> wanted == entry.status()
                || entry.previousStatus().filter(wanted::equals).isPresent()).orElse(true);
        boolean restaurant = filter.restaurantId().map(entry.restaurantId()::equals).orElse(true);
        return status && restaurant;
    }
}
