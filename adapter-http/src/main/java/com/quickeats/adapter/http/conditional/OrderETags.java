package com.quickeats.adapter.http.conditional;

import com.quickeats.order.application.port.in.Precondition;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderId;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The entity tags of orders (contract §6): the strong tag {@code "order-<id>-v<version>"}, what an
 * {@code If-Match} header asks for and whether an {@code If-None-Match} header already has the current
 * representation.
 */
public final class OrderETags {
    /** One entity-tag of a list: optional weakness prefix and the quoted opaque tag. */
    private static final Pattern TAG = Pattern.compile("(W/)?\"([^\"]*)\"");
    private static final Pattern ORDER_TAG = Pattern.compile("order-([1-9][0-9]{0,18})-v([1-9][0-9]{0,18})");

    private OrderETags() {
    }

    public static String of(Order order) {
        return of(order.id(), order.version());
    }

    public static String of(OrderId id, long version) {
        return "\"order-" + id.value() + "-v" + version + "\"";
    }

    /**
     * What {@code If-Match} asks of order {@code id}: nothing ({@link Precondition.Missing}), any version
     * ({@code *}), or the versions of the strong tags naming this order. Weak tags, tags of other orders and
     * anything unparsable never match.
     */
    public static Precondition ifMatch(String header, OrderId id) {
        if (header == null || header.isBlank()) {
            return new Precondition.Missing();
        }
        if (header.trim().equals("*")) {
            return new Precondition.AnyVersion();
        }
        Set<Long> versions = new HashSet<>();
        Matcher tags = TAG.matcher(header);
        while (tags.find()) {
            if (tags.group(1) == null) {
                versionOf(tags.group(2), id).ifPresent(versions::add);
            }
        }
        return new Precondition.OneOf(versions);
    }

    /**
     * Whether {@code If-None-Match} names the order's current representation: {@code *}, or any listed tag
     * equal to the current one by weak comparison (RFC 9110 §13.1.2).
     */
    public static boolean noneMatchHolds(String header, Order order) {
        if (header == null || header.isBlank()) {
            return false;
        }
        if (header.trim().equals("*")) {
            return true;
        }
        String current = "order-" + order.id().value() + "-v" + order.version();
        Matcher tags = TAG.matcher(header);
        while (tags.find()) {
            if (tags.group(2).equals(current)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Long> versionOf(String opaque, OrderId id) {
        Matcher m = ORDER_TAG.matcher(opaque);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            long orderId = Long.parseLong(m.group(1));
            long version = Long.parseLong(m.group(2));
            return orderId == id.value() ? Optional.of(version) : Optional.empty();
        } catch (NumberFormatException overflow) {
            return Optional.empty();
        }
    }
}
