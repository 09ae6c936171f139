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
 * The opaque position of a walk through the orders: the last (created_at, id) seen, sealed with a
 * checksum over that position, the caller and the filters it was issued under, so that a cursor that was
 * edited, or is replayed under other filters or by someone else, is refused. Not a secret and not a
 * signature: it only says where to continue, and never widens what the caller may see.
 */
final class OrderCursor {
    private static final String VERSION = "v1";

    private OrderCursor() {
    }

    /** What a cursor is bound to besides its position: the caller and the filters. */
    static String filtersOf(Actor actor, ListOrdersQuery query) {
        return actor.role().wireName() + "\n" + actor.id().value() + "\n"
                + query.status().map(OrderStatus::wireName).orElse("") + "\n"
                + query.restaurantId().map(RestaurantId::toString).orElse("");
    }

    static String encode(Order last, String filters) {
        Instant at = last.createdAt();
        String position = VERSION + "." + at.getEpochSecond() + "." + at.getNano() + "." + last.id().value();
        String plain = position + "." + checksum(position, filters);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static Keyset decode(String cursor, String filters) {
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw invalid();
        }
        int lastDot = plain.lastIndexOf('.');
        String[] parts = plain.split("\\.", -1);
        if (parts.length != 5 || !VERSION.equals(parts[0])) {
            throw invalid();
        }
        if (!checksum(plain.substring(0, lastDot), filters).equals(parts[4])) {
            throw InvalidInputException.of("cursor", "was not issued by this service for these filters and this"
                    + " caller; start again without a cursor");
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

    static String checksum(String position, String filters) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((position + "\n" + filters).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static InvalidInputException invalid() {
        return InvalidInputException.of("cursor", "is not a cursor this service issued");
    }
}
