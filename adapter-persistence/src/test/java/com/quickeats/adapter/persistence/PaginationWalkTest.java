package com.quickeats.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.quickeats.order.application.port.out.OrderRepository;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderStatus;
import com.quickeats.order.domain.Restaurant;
import com.quickeats.order.domain.VisibilityScope;
import com.quickeats.order.domain.testing.OrderBuilder;
import com.quickeats.testing.postgres.TestDatabase;
import com.quickeats.testing.postgres.WithPostgres;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A client walks every page while other requests keep placing orders: newer ones (which shift an OFFSET-based
 * page by one and make it repeat an order) and ones at the very time of orders already there (ties that only
 * the id tells apart). Each order that existed when the walk began must come exactly once, and no order twice.
 */
@WithPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaginationWalkTest {
    private static final int PRE_EXISTING = 150;
    private static final int LIMIT = 5;

    private Store store;
    private OrderRepository orders;
    private List<Restaurant> restaurants;
    private final AtomicLong newest = new AtomicLong();
    private final AtomicInteger keys = new AtomicInteger();

    @BeforeAll
    void fill(TestDatabase database) {
        store = Store.on(database);
        orders = store.adapters.orderRepository();
        restaurants = OrderPageTest.restaurants();
        restaurants.forEach(store.adapters.restaurantCatalog()::add);
    }

    @AfterAll
    void close() {
        store.close();
    }

    static List<VisibilityScope> scopes() {
        return OrderPageTest.scopes().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scopes")
    void walkingWhileOrdersArePlacedVisitsEveryEarlierOrderExactlyOnce(VisibilityScope scope) throws Exception {
        store.execute("TRUNCATE order_events, order_lines, orders");
        Random random = new Random(scope.hashCode());
        List<Order> before = new ArrayList<>();
        for (int i = 0; i < PRE_EXISTING; i++) {
            Instant at = OrderPageTest.START.plusSeconds(60L * (i / 2));
            Order order = OrderPageTest.someOrder(orders.nextId(), restaurants.get(random.nextInt(4)),
                    "customer-" + (1 + random.nextInt(2)), at, random);
            orders.add(order, "before-" + keys.incrementAndGet());
            before.add(order);
            newest.set(at.getEpochSecond());
        }
        Set<Long> expected = new HashSet<>();
        before.stream().filter(o -> scope.includes(o))
                .forEach(o -> expected.add(o.id().value()));

        Semaphore insertNow = new Semaphore(0);
        Semaphore inserted = new Semaphore(0);
        AtomicBoolean walking = new AtomicBoolean(true);
        List<Instant> existingTimes = before.stream().map(Order::createdAt).toList();
        CompletableFuture<Integer> placer = CompletableFuture.supplyAsync(() -> {
            int placed = 0;
            try {
                while (acquire(insertNow) && walking.get()) {
                    Instant newer = Instant.ofEpochSecond(newest.addAndGet(1));
                    Instant tied = existingTimes.get(random.nextInt(existingTimes.size()));
                    placeVisibleOrder(newer);
                    placeVisibleOrder(tied);
                    placed += 2;
                    inserted.release();
                }
                return placed;
            } catch (RuntimeException e) {
                inserted.release();
                throw e;
            }
        });

        List<Long> walked;
        try {
            walked = OrderPageTest.walk(orders, scope, Optional.empty(), Optional.empty(), LIMIT, () -> {
                insertNow.release();
                acquire(inserted);
            });
        } finally {
            walking.set(false);
            insertNow.release();
        }
        int placedMeanwhile = placer.get(30, TimeUnit.SECONDS);

        assertThat(placedMeanwhile).as("orders placed during the walk").isGreaterThan(0);
        assertThat(walked).as("no order comes twice").doesNotHaveDuplicates();
        assertThat(walked).as("every earlier order comes").containsAll(expected);
        assertThat(walked.stream().filter(id -> id <= maxId(before))).as("and only those of the scope")
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    /** An order every scope of the test sees: customer-1's, at owner-a's restaurant, waiting for a rider. */
    private void placeVisibleOrder(Instant at) {
        Order order = OrderBuilder.anOrder().withId(orders.nextId()).from(restaurants.get(0)).placedBy("customer-1")
                .withLine(restaurants.get(0).menu().get(0).id(), 1)
                .placedAt(at).inStatus(OrderStatus.READY_FOR_PICKUP).build();
        orders.add(order, "during-" + keys.incrementAndGet());
    }

    private static long maxId(List<Order> orders) {
        return orders.stream().mapToLong(o -> o.id().value()).max().orElseThrow();
    }

    private static boolean acquire(Semaphore semaphore) {
        try {
            if (!semaphore.tryAcquire(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other side of the walk stopped answering");
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
