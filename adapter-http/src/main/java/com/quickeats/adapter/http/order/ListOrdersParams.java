package com.quickeats.adapter.http.order;

import com.quickeats.adapter.http.json.FieldCheck;
import com.quickeats.order.application.port.in.ListOrdersQuery;
import com.quickeats.order.domain.OrderStatus;
import com.quickeats.order.domain.RestaurantId;
import io.javalin.http.Context;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/** The query {@code ?status=&restaurant_id=&limit=&cursor=} of the order list into a {@link ListOrdersQuery}. */
final class ListOrdersParams {
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,30}");
    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final String STATUSES = String.join(", ",
            Arrays.stream(OrderStatus.values()).map(OrderStatus::wireName).toList());

    private ListOrdersParams() {
    }

    static ListOrdersQuery query(Context ctx) {
        FieldCheck check = new FieldCheck();
        Optional<OrderStatus> status = Optional.ofNullable(ctx.queryParam("status")).flatMap(value -> {
            Optional<OrderStatus> known = OrderStatus.fromWireName(value);
            if (known.isEmpty()) {
                check.add("status", "must be one of " + STATUSES);
            }
            return known;
        });
        Optional<RestaurantId> restaurant = Optional.ofNullable(ctx.queryParam("restaurant_id")).flatMap(value -> {
            Optional<BigInteger> id = integer(value).filter(v -> v.signum() > 0 && v.compareTo(LONG_MAX) <= 0);
            if (id.isEmpty()) {
                check.add("restaurant_id", "must be a positive 64-bit integer id");
            }
            return id.map(v -> RestaurantId.of(v.longValue()));
        });
        int limit = Optional.ofNullable(ctx.queryParam("limit")).map(value -> {
            Optional<BigInteger> given = integer(value);
            if (given.isEmpty()) {
                check.add("limit", "must be an integer between 1 and " + ListOrdersQuery.MAX_LIMIT);
            }
            // Out-of-range values are clamped, and then refused by the query's own range check.
            return given.map(v -> v.max(INT_MIN).min(INT_MAX).intValue()).orElse(ListOrdersQuery.DEFAULT_LIMIT);
        }).orElse(ListOrdersQuery.DEFAULT_LIMIT);
        Optional<String> cursor = Optional.ofNullable(ctx.queryParam("cursor")).filter(c -> !c.isEmpty());
        return check.build(() -> new ListOrdersQuery(status, restaurant, limit, cursor));
    }

    private static Optional<BigInteger> integer(String value) {
        return INTEGER.matcher(value).matches() ? Optional.of(new BigInteger(value)) : Optional.empty();
    }
}
