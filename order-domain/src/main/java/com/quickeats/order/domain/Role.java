package com.quickeats.order.domain;

import java.util.Arrays;
import java.util.Optional;

/** What a caller is on the platform; decides, with ownership, what they may see and do. */
public enum Role {
    CUSTOMER("customer"),
    RESTAURANT_OWNER("restaurant_owner"),
    RIDER("rider"),
    ADMIN("admin");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in tokens and on the wire, e.g. {@code restaurant_owner}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<Role> fromWireName(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst();
    }
}
