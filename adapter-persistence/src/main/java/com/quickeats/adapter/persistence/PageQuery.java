package com.quickeats.adapter.persistence;

import com.quickeats.order.application.port.out.OrderPageRequest;
import com.quickeats.order.application.port.out.OrderPageRequest.Keyset;
import com.quickeats.order.domain.OrderStatus;
import com.quickeats.order.domain.VisibilityScope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one statement that fetches a page of orders: the caller's visibility scope as a predicate, the filters,
 * and a keyset position, newest first. Every branch of it can walk an index on (…, created_at, id) backwards
 * and stop after {@code limit} rows, so a page costs the same at ten thousand orders as at ten million; there
 * is no OFFSET. An owner's orders are one condition however many restaurants the owner has: each order row
 * carries its restaurant's owner ({@code restaurant_owner_id}). A scope that is a union of two conditions (a
 * rider's own orders, or any awaiting pickup) fetches at most {@code limit} rows per part and merges them; a part
 * that a status filter makes empty is left out.
 *
 * <p>The SQL text is assembled from constant fragments only: every value from a caller is a bound parameter,
 * except a status filter, which is one of the domain's seven constants and is written as a literal (see
 * {@link #statusIs}), and the page size, an int written as a number (see {@link #newestFirst}).
 */
record PageQuery(String sql, Map<String, Object> parameters) {

    static final String ORDER_COLUMNS = "o.id, o.customer_id, o.restaurant_id, o.restaurant_owner_id, o.status,"
            + " o.version, o.total_amount, o.delivery_address, o.payment_method, o.payment_amount, o.paid_at, o.cancellation_reason,"
            + " o.cancelled_by, o.refund_due, o.cancelled_at, o.rider_id, o.created_at, o.updated_at";
    /** The columns of an order's lines, next to {@link #ORDER_COLUMNS} in a statement that joins them. */
    static final String LINE_COLUMNS = "l.line_no, l.menu_item_id, l.name, l.unit_price, l.quantity";
    private static final String AWAITING_PICKUP = statusIs(OrderStatus.READY_FOR_PICKUP);

    PageQuery {
        parameters = Map.copyOf(parameters);
    }

    /**
     * The page with its orders' lines, one row per line, in one statement: the page is chosen first (its LIMIT
     * keeps the subquery apart), then each of its orders joins its lines by primary key.
     */
    String sqlWithLines() {
        return "SELECT p.*, " + LINE_COLUMNS + " FROM (" + sql + ") p"
                + " LEFT JOIN order_lines l ON l.order_id = p.id"
                + " ORDER BY p.created_at DESC, p.id DESC, l.line_no";
    }

    static PageQuery of(OrderPageRequest request) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        List<String> filters = new ArrayList<>();
        request.status().ifPresent(status -> filters.add(statusIs(status)));
        request.restaurantId().ifPresent(restaurant -> {
            filters.add("o.restaurant_id = :restaurant_id");
            parameters.put("restaurant_id", restaurant.value());
        });
        request.after().ifPresent(after -> {
            filters.add("(o.created_at, o.id) < (:after_created_at, :after_id)");
            Keyset storable = storable(after);
            parameters.put("after_created_at", storable.createdAt());
            parameters.put("after_id", storable.id());
        });
        String newestFirst = newestFirst(request.limit());

        VisibilityScope scope = request.scope();
        String sql;
        if (scope instanceof VisibilityScope.Everything) {
            sql = branch(filters, newestFirst);
        } else if (scope instanceof VisibilityScope.PlacedBy placedBy) {
            parameters.put("customer_id", placedBy.customer().value());
            sql = branch(with("o.customer_id = :customer_id", filters), newestFirst);
        } else if (scope instanceof VisibilityScope.ForRestaurantsOf owner) {
            // Each order carries its restaurant's owner (which never changes; see JdbiOrderRepository).
            parameters.put("owner_id", owner.owner().value());
            sql = branch(with("o.restaurant_owner_id = :owner_id", filters), newestFirst);
        } else if (scope instanceof VisibilityScope.RiddenByOrAwaitingPickup rider) {
            parameters.put("rider_id", rider.rider().value());
            String ridden = branch(with("o.rider_id = :rider_id", filters), newestFirst);
            Optional<OrderStatus> status = request.status();
            if (status.isPresent() && status.get() != OrderStatus.READY_FOR_PICKUP) {
                sql = ridden; // no order awaiting pickup has another status
            } else {
                List<String> awaitingFilters = new ArrayList<>(filters);
                awaitingFilters.remove(AWAITING_PICKUP); // said already
                sql = "SELECT " + ORDER_COLUMNS + " FROM ((" + ridden + ") UNION ALL ("
                        + branch(with(AWAITING_PICKUP + " AND o.rider_id IS DISTINCT FROM :rider_id", awaitingFilters),
                        newestFirst) + ")) o" + newestFirst;
            }
        } else {
            throw new IllegalArgumentException("unknown visibility scope " + scope);
        }
        return new PageQuery(sql, parameters);
    }

    /**
     * A status is one of seven constants of our own, so it is written into the statement as a literal: each
     * status then has its own prepared statement, and even a generic plan knows how rare the status is and
     * walks the status index instead of filtering the newest orders one by one.
     */
    private static String statusIs(OrderStatus status) {
        String name = status.wireName();
        if (!name.matches("[a-z_]+")) {
            throw new IllegalStateException("status " + name + " cannot be written as a literal");
        }
        return "o.status = '" + name + "'";
    }

    /**
     * The page size is written into the statement, not bound. A server-prepared statement switches to its generic
     * plan only where that plan looks no dearer than planning afresh; with {@code LIMIT $n} the planner cannot know
     * the page is small and guesses a tenth of the matching orders, so on a large table the generic plan of a
     * page looks as dear as reading a tenth of a rider's, an owner's or everyone's history. PostgreSQL then plans
     * every page anew (more CPU than running it), or, forced to the generic plan, sorts that whole tenth. With
     * the number in the text the generic plan is the custom one, and is kept. Each page size is then its own
     * statement: at most a hundred per shape, and a page size the clients rarely use is never server-prepared.
     */
    private static String newestFirst(int limit) {
        return " ORDER BY o.created_at DESC, o.id DESC LIMIT " + limit;
    }

    private static String branch(List<String> conditions, String newestFirst) {
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return "SELECT " + ORDER_COLUMNS + " FROM orders o" + where + newestFirst;
    }

    private static List<String> with(String scopeCondition, List<String> filters) {
        List<String> all = new ArrayList<>();
        all.add(scopeCondition);
        all.addAll(filters);
        return all;
    }

    /**
     * Stored times have microseconds. A position with finer digits (never issued by the service, but a cursor
     * can say anything) lies strictly between two storable instants: "older than it" is "at or older than its
     * microsecond", which (micro, any id) expresses exactly.
     */
    private static Keyset storable(Keyset after) {
        Instant micros = Timestamps.storable(after.createdAt());
        return micros.equals(after.createdAt()) ? after : new Keyset(micros, Long.MAX_VALUE);
    }
}
