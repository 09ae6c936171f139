package com.quickeats.adapter.persistence;

import static com.quickeats.order.domain.testing.OrderBuilder.anOrder;
import static com.quickeats.order.domain.testing.RestaurantBuilder.aRestaurant;
import static org.assertj.core.api.Assertions.assertThat;

import com.quickeats.order.application.port.out.OrderRepository;
import com.quickeats.order.application.port.out.RecordedEvent;
import com.quickeats.order.application.port.out.StaleOrderException;
import com.quickeats.order.application.port.out.TransactionRunner;
import com.quickeats.order.domain.CancelledBy;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderStatus;
import com.quickeats.order.domain.PaymentMethod;
import com.quickeats.order.domain.Restaurant;
import com.quickeats.testing.postgres.TestDatabase;
import com.quickeats.testing.postgres.WithPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The lost update that the seed service suffered, tried 200 times: eight requests that all read the same
 * version of an order race to pay it or cancel it. Exactly one may win, and the history must show exactly its
 * event. In every other round the winner holds its transaction open until the seven others are seen blocked on
 * its row lock, so the re-check PostgreSQL makes after a lock wait is exercised for certain, not by luck.
 */
@WithPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentTransitionsRaceTest {
    private static final int ROUNDS = 200;
    private static final int CONTENDERS = 8;

    private Store store;
    private OrderRepository orders;
    private TransactionRunner transactions;
    private Restaurant restaurant;

    @BeforeAll
    void migrate(TestDatabase database) {
        store = Store.on(database, CONTENDERS + 2);
        orders = store.adapters.orderRepository();
        transactions = store.adapters.transactionRunner();
        restaurant = aRestaurant().build();
        store.adapters.restaurantCatalog().add(restaurant);
    }

    @AfterAll
    void close() {
        store.close();
    }

    @Test
    void ofEightTransitionsFromTheSameVersionExactlyOneCommits() {
        try (Race race = new Race(CONTENDERS)) {
            for (int round = 0; round < ROUNDS; round++) {
                Order placed = anOrder().withId(orders.nextId()).from(restaurant)
                        .placedAt(Instant.parse("2026-11-23T10:00:00Z").plusSeconds(round)).build();
                orders.add(placed, "round-" + round);
                Instant later = placed.createdAt().plusSeconds(30);
                boolean holdTheWinner = round % 2 == 0;

                List<Race.Outcome<String>> outcomes = race.run(i -> {
                    // Every contender has read version 1 before the gate opens.
                    Order mine = orders.find(placed.id()).orElseThrow();
                    return () -> transactions.inTransaction(() -> {
                        if (i % 2 == 0) {
                            mine.pay(PaymentMethod.CARD, mine.total(), placed.customerId(), later);
                        } else {
                            mine.cancel("contender " + i, CancelledBy.CUSTOMER, placed.customerId(), later);
                        }
                        orders.update(mine);
                        if (holdTheWinner) {
                            LockWaits.awaitWaiting(store, CONTENDERS - 1, Duration.ofSeconds(20));
                        }
                        return mine.pendingEvents().get(0).type();
                    });
                });

                List<Race.Outcome<String>> winners = outcomes.stream().filter(Race.Outcome::succeeded).toList();
                assertThat(winners).as("round %d: winners", round).hasSize(1);
                assertThat(outcomes.stream().filter(o -> !o.succeeded()))
                        .as("round %d: every loser was told its version is stale", round)
                        .allSatisfy(o -> assertThat(o.failure()).isInstanceOf(StaleOrderException.class))
                        .hasSize(CONTENDERS - 1);

                Order stored = orders.find(placed.id()).orElseThrow();
                String winningEvent = winners.get(0).result();
                assertThat(stored.version()).as("round %d: version", round).isEqualTo(2);
                assertThat(stored.status()).as("round %d: status", round).isEqualTo(
                        winningEvent.equals("order_paid") ? OrderStatus.PENDING_ACCEPTANCE : OrderStatus.CANCELLED);
                assertThat(orders.history(placed.id())).as("round %d: history", round)
                        .extracting(RecordedEvent::type).containsExactly("order_placed", winningEvent);
            }
        }
        assertThat(store.count("SELECT count(*) FROM order_events")).isEqualTo(2L * ROUNDS);
    }
}
