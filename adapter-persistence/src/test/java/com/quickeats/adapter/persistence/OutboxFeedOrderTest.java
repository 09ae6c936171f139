package com.quickeats.adapter.persistence;

import static com.quickeats.order.domain.testing.OrderBuilder.anOrder;
import static com.quickeats.order.domain.testing.RestaurantBuilder.aRestaurant;
import static org.assertj.core.api.Assertions.assertThat;

import com.quickeats.order.application.IdempotentExecutor;
import com.quickeats.order.application.port.out.IdempotencyClaim;
import com.quickeats.order.application.port.out.OrderRepository;
import com.quickeats.order.application.port.out.StaleOrderException;
import com.quickeats.order.application.port.out.StoredResponse;
import com.quickeats.order.domain.MenuItemId;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderId;
import com.quickeats.order.domain.PaymentMethod;
import com.quickeats.order.domain.Restaurant;
import com.quickeats.order.domain.RuleRefusalException;
import com.quickeats.order.domain.UserId;
import com.quickeats.testing.postgres.TestDatabase;
import com.quickeats.testing.postgres.WithPostgres;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The feed reads outbox rows by (txid, seq); that is an order's version order only if each order-changing unit
 * of work gets its transaction id after it read the order. Here requests claim their idempotency key, and only
 * then read and change the order, racing each other.
 */
@WithPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxFeedOrderTest {
    private static final int ROUNDS = 40;
    private static final int CONTENDERS = 6;
    private static final UserId CUSTOMER = UserId.of("customer-9");
    private static final UserId RIDER = UserId.of("rider-9");
    private static final MenuItemId SOUP = MenuItemId.of(801);
    private static final String NO_STEP = "no step left";

    private Store store;
    private OrderRepository orders;
    private IdempotentExecutor executor;
    private Restaurant restaurant;

    @BeforeAll
    void migrate(TestDatabase database) {
        store = Store.on(database, CONTENDERS + 2);
        orders = store.adapters.orderRepository();
        executor = new IdempotentExecutor(store.adapters.idempotencyStore(), store.adapters.transactionRunner(),
                Clock.systemUTC(), Duration.ofHours(24));
        restaurant = aRestaurant().withId(80).ownedBy("owner-8").withEmptyMenu()
                .withMenuItem(SOUP.value(), "국밥", 9_000).build();
        store.adapters.restaurantCatalog().add(restaurant);
    }

    @AfterAll
    void close() {
        store.close();
    }

    @Test
    void aRequestThatClaimedItsKeyFirstButChangedTheOrderSecondComesSecondInTheFeed() throws Exception {
        OrderId id = placeOne();
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch otherCommitted = new CountDownLatch(1);

        CompletableFuture<Void> early = CompletableFuture.runAsync(() -> executor.execute(aClaim(), () -> {
            claimed.countDown();
            await(otherCommitted);
            return step(id);
        }, RENDERER));
        await(claimed);
        executor.execute(aClaim(), () -> step(id), RENDERER);
        otherCommitted.countDown();
        early.get(10, TimeUnit.SECONDS);

        assertThat(versionsInFeedOrder(id)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void racingRequestsOnOneOrderAppearInTheFeedInVersionOrder() {
        List<OrderId> placed = new ArrayList<>();
        try (Race race = new Race(CONTENDERS)) {
            for (int round = 0; round < ROUNDS; round++) {
                OrderId id = placeOne();
                placed.add(id);
                List<Race.Outcome<Integer>> outcomes = race.run(i -> () -> advanceUntilDelivered(id));
                assertThat(outcomes).as("round %d", round).allMatch(Race.Outcome::succeeded);
                assertThat(outcomes.stream().mapToInt(Race.Outcome::result).sum()).as("round %d: steps", round)
                        .isEqualTo(5);
            }
        }
        for (OrderId id : placed) {
            assertThat(versionsInFeedOrder(id)).as("order %s", id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        }
    }

    /** Takes whatever step the order allows next, each in its own idempotent request; how many it took. */
    private int advanceUntilDelivered(OrderId id) {
        int taken = 0;
        while (!orders.find(id).orElseThrow().allowedActions().isEmpty()) {
            try {
                byte[] stepped = executor.execute(aClaim(), () -> step(id), RENDERER).response().body();
                if (!new String(stepped, StandardCharsets.UTF_8).equals(NO_STEP)) {
                    taken++;
                }
            } catch (StaleOrderException lost) {
                // another contender moved the order first; look again
            }
        }
        return taken;
    }

    private String step(OrderId id) {
        Order order = orders.find(id).orElseThrow(); // read after the claim, as the use cases do
        Instant now = Instant.now();
        switch (order.status()) {
            case PENDING_PAYMENT -> order.pay(PaymentMethod.CARD, order.total(), CUSTOMER, now);
            case PENDING_ACCEPTANCE -> order.accept(restaurant.ownerId(), now);
            case PREPARING -> order.completePreparation(restaurant.ownerId(), now);
            case READY_FOR_PICKUP -> order.pickUp(RIDER, now);
            case IN_TRANSIT -> order.deliver(RIDER, now);
            default -> {
                return NO_STEP; // delivered by another contender since this one looked
            }
        }
        orders.update(order);
        return order.status().wireName();
    }

    private OrderId placeOne() {
        Order order = anOrder().withId(orders.nextId()).from(restaurant).placedBy(CUSTOMER).withLine(SOUP, 1).build();
        orders.add(order, UUID.randomUUID().toString());
        return order.id();
    }

    private List<Long> versionsInFeedOrder(OrderId id) {
        return store.direct.withHandle(h -> h.createQuery(
                        "SELECT version FROM order_outbox WHERE order_id = :id ORDER BY txid, seq")
                .bind("id", id.value()).mapTo(Long.class).list());
    }

    private static IdempotencyClaim aClaim() {
        return new IdempotencyClaim(CUSTOMER, UUID.randomUUID().toString(), "POST /api/v2/orders/x/step");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("waited 10 s for the other request");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final IdempotentExecutor.Renderer<String> RENDERER = new IdempotentExecutor.Renderer<>() {
        @Override
        public StoredResponse success(String status) {
            return new StoredResponse(200, Map.of(), status.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public StoredResponse refusal(RuleRefusalException domainRefusal) {
            throw domainRefusal; // a step is only taken when the status allows it; a refusal is a lost race
        }
    };
}
