package com.quickeats.order.domain;

import java.util.Objects;

/** Who is asking: an authenticated user and the role they act in. */
public record Actor(UserId id, Role role) {
    public Actor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
    }

    public static Actor of(String sub, Role role) {
        return new Actor(UserId.of(sub), role);
    }

    public boolean is(Role expected, UserId user) {
        return role == expected && id.equals(user);
    }
}
