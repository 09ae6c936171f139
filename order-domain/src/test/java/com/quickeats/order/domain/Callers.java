package com.quickeats.order.domain;

import java.util.Map;

/**
 * The callers of the access matrices, named by their relation to an order built by
 * {@link com.quickeats.order.domain.testing.OrderBuilder}: placed by {@code customer-1} at the restaurant
 * of {@code owner-1}, picked up (once it is) by {@code rider-1}.
 */
final class Callers {
    static final Map<String, Actor> BY_NAME = Map.of(
            "customer", Actor.of("customer-1", Role.CUSTOMER),
            "other-customer", Actor.of("customer-2", Role.CUSTOMER),
            "owner", Actor.of("owner-1", Role.RESTAURANT_OWNER),
            "other-owner", Actor.of("owner-2", Role.RESTAURANT_OWNER),
            "rider", Actor.of("rider-1", Role.RIDER),
            "other-rider", Actor.of("rider-2", Role.RIDER),
            "admin", Actor.of("admin-1", Role.ADMIN));

    private Callers() {
    }

    static Actor named(String name) {
        Actor actor = BY_NAME.get(name);
        if (actor == null) {
            throw new IllegalArgumentException("no caller named " + name);
        }
        return actor;
    }

    static boolean yesOrNo(String cell) {
        return switch (cell) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw new IllegalArgumentException("a cell says yes or no, not " + cell);
        };
    }
}
