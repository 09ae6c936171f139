package com.quickeats.order.application;

import com.quickeats.order.application.port.out.IdempotencyStore;
import com.quickeats.order.application.port.out.OrderRepository;
import com.quickeats.order.application.port.out.RestaurantCatalog;
import com.quickeats.order.application.port.out.TransactionRunner;
import java.time.Clock;
import java.time.Duration;

/** Every use case of the service, wired to one set of ports: what an inbound adapter is given. */
public record UseCases(PlaceOrder placeOrder, OrderActions orderActions, OrderQueries orderQueries,
                       RestaurantUseCases restaurants, IdempotentExecutor idempotency) {

    /** Idempotency records are kept this long unless configured otherwise. */
    public static final Duration DEFAULT_IDEMPOTENCY_TTL = Duration.ofHours(24);

    public static UseCases wire(OrderRepository orders, RestaurantCatalog catalog, IdempotencyStore idempotencyStore,
                                TransactionRunner transactions, Clock clock, Duration idempotencyTtl) {
        OrderAccess access = new OrderAccess(orders);
        OrderActionRunner runner = new OrderActionRunner(orders, access, transactions, clock);
        return new UseCases(
                new PlaceOrder(orders, catalog, transactions, clock),
                new OrderActions(runner),
                new OrderQueries(orders, catalog, access, transactions),
                new RestaurantUseCases(catalog, transactions),
                new IdempotentExecutor(idempotencyStore, transactions, clock, idempotencyTtl));
    }
}
