package com.quickeats.order.application;

import com.quickeats.order.application.port.in.ListOrdersQuery;
import com.quickeats.order.application.port.in.OrderPage;
import com.quickeats.order.application.port.out.OrderPageRequest;
import com.quickeats.order.application.port.out.OrderRepository;
import com.quickeats.order.application.port.out.RecordedEvent;
import com.quickeats.order.application.port.out.RestaurantCatalog;
import com.quickeats.order.application.port.out.RestaurantSummary;
import com.quickeats.order.application.port.out.TransactionRunner;
import com.quickeats.order.domain.AccessPolicy;
import com.quickeats.order.domain.Actor;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderId;
import com.quickeats.order.domain.RestaurantId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reading orders: one order, a page of them with their restaurants side-loaded, an order's history.
 * What a caller may read is the domain's {@link AccessPolicy#visibleTo visibility scope}; filters only
 * narrow it.
 */
public final class OrderQueries {
    private final OrderRepository orders;
    private final RestaurantCatalog restaurants;
    private final OrderAccess access;
    private final TransactionRunner transactions;

    OrderQueries(OrderRepository orders, RestaurantCatalog restaurants, OrderAccess access,
                 TransactionRunner transactions) {
        this.orders = orders;
        this.restaurants = restaurants;
        this.access = access;
        this.transactions = transactions;
    }

    /** One order the caller may see; "not found" otherwise. */
    public Order get(Actor actor, OrderId id) {
        return transactions.inTransaction(() -> access.load(actor, id));
    }

    /** The order's history, oldest first. */
    public List<RecordedEvent> history(Actor actor, OrderId id) {
        return transactions.inTransaction(() -> {
            access.load(actor, id);
            return orders.history(id);
        });
    }

    /**
     * A page of the orders the caller may see, newest first. Costs the same number of statements whatever
     * the limit: one for the orders (with their lines) and one for all their restaurants.
     */
    public OrderPage list(Actor actor, ListOrdersQuery query) {
        String filters = OrderCursor.filtersOf(actor, query);
        Optional<OrderPageRequest.Keyset> after = query.cursor().map(c -> OrderCursor.decode(c, filters));
        OrderPageRequest request = new OrderPageRequest(AccessPolicy.visibleTo(actor), query.status(),
                query.restaurantId(), after, query.limit() + 1);
        return transactions.inTransaction(() -> {
            List<Order> found = orders.page(request);
            boolean more = found.size() > query.limit();
            List<Order> page = more ? found.subList(0, query.limit()) : found;
            Set<RestaurantId> referenced = new LinkedHashSet<>();
            page.forEach(o -> referenced.add(o.restaurantId()));
            List<RestaurantSummary> included = referenced.isEmpty() ? List.of() : restaurants.summaries(referenced);
            Optional<String> next = more
                    ? Optional.of(OrderCursor.encode(page.get(page.size() - 1), filters))
                    : Optional.empty();
            return new OrderPage(page, included, next);
        });
    }
}
