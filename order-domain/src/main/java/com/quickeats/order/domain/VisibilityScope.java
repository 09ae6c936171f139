package com.quickeats.order.domain;

import java.util.Objects;

/**
 * Which orders a caller may see: the same rule for reading one order and for listing many, so a list
 * filter can only narrow what the caller may read, never widen it. Storage adapters translate each
 * kind into a query predicate.
 */
public sealed interface VisibilityScope {

    /** Whether {@code order} is inside the scope. */
    boolean includes(Order order);

    /** An admin sees every order. */
    record Everything() implements VisibilityScope {
        @Override
        public boolean includes(Order order) {
            return true;
        }
    }

    /** A customer sees the orders they placed. */
    record PlacedBy(UserId customer) implements VisibilityScope {
        public PlacedBy {
            Objects.requireNonNull(customer, "customer");
        }

        @Override
        public boolean includes(Order order) {
            return order.customerId().equals(customer);
        }
    }

    /** A restaurant owner sees the orders of the restaurants they own. */
    record ForRestaurantsOf(UserId owner) implements VisibilityScope {
        public ForRestaurantsOf {
            Objects.requireNonNull(owner, "owner");
        }

        @Override
        public boolean includes(Order order) {
            return owner.equals(order.restaurantOwnerId());
        }
    }

    /** A rider sees the orders they carry or carried, and every order waiting to be picked up. */
    record RiddenByOrAwaitingPickup(UserId rider) implements VisibilityScope {
        public RiddenByOrAwaitingPickup {
            Objects.requireNonNull(rider, "rider");
        }

        @Override
        public boolean includes(Order order) {
            return order.status() == OrderStatus.READY_FOR_PICKUP
                    || order.riderId().map(rider::equals).orElse(false);
        }
    }
}
