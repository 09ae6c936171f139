package com.quickeats.order.application;

import com.quickeats.order.application.port.in.ListOrdersQuery;
import com.quickeats.order.application.port.out.OrderPageRequest.Keyset;
import com.quickeats.order.domain.Actor;
import com.quickeats.order.domain.InvalidInputException;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderStatus;
import com.quickeats.order.domain.RestaurantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The opaque position of a walk through the orders: the last (created_at, id) seen, bound to the caller
 * and the filters it was issued under, so that it cannot be replayed under other filters or by someone
 * else. Not a secret: it only says where to continue, never widens what the caller may see.
 */
final class OrderCursor {
    private static final String VERSION = "v1";

    private OrderCursor() {
    }

    static String filtersOf(Actor actor, ListOrdersQuery query) {
        String plain = actor.role().wireName() + "\n" + actor.id().value() + "\n"
                + query.status().map(OrderStatus::wireName).orElse("") + "\n"
                + query.restaurantId().map(RestaurantId::toString).orElse("");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(plain.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static String encode(Order last, String filters) {
        Instant at = last.createdAt();
        String plain = VERSION + "." + at.getEpochSecond() + "." + at.getNano() + "." + last.id().value() + "."
                + filters;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static Keyset decode(String cursor, String filters) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\.", -1);
        } catch (IllegalArgumentException notBase64) {
            throw invalid();
        }
        if (parts.length != 5 || !VERSION.equals(parts[0])) {
            throw invalid();
        }
        if (!parts[4].equals(filters)) {
            throw InvalidInputException.of("cursor",
                    "was issued for other filters or another caller; start again without a cursor");
        }
        try {
            long seconds = Long.parseLong(parts[1]);
            long nanos = Long.parseLong(parts[2]);
            long id = Long.parseLong(parts[3]);
            if (id <= 0 || nanos < 0 || nanos > 999_999_999L) {
                throw invalid();
            }
            return new Keyset(Instant.ofEpochSecond(seconds, nanos), id);
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw invalid();
        }
    }

    private static InvalidInputException invalid() {
        return InvalidInputException.of("cursor", "is not a cursor this service issued");
    }
}
