package com.quickeats.bootstrap.e2e;

import java.util.UUID;

/** Somebody using the API: a user id, a role and a valid token for them. */
record Person(String sub, String role, String token) {

    static Person of(String sub, String role) {
        return new Person(sub, role, Tokens.valid(sub, role));
    }

    /** A new user nobody else in the test database has heard of. */
    static Person fresh(String role) {
        return of(role + "-" + UUID.randomUUID().toString().substring(0, 8), role);
    }

    static Person customer() {
        return fresh("customer");
    }

    static Person owner() {
        return fresh("restaurant_owner");
    }

    static Person rider() {
        return fresh("rider");
    }

    static Person admin() {
        return fresh("admin");
    }
}
