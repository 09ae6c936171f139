package com.quickeats.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.quickeats.order.domain.RuleRefusalException;
import com.quickeats.order.application.IdempotencyKeyReusedException;
import com.quickeats.order.application.IdempotentExecutor;
import com.quickeats.order.application.IdempotentExecutor.Outcome;
import com.quickeats.order.application.port.out.IdempotencyClaim;
import com.quickeats.order.application.port.out.RestaurantCatalog;
import com.quickeats.order.application.port.out.StoredResponse;
import com.quickeats.order.domain.Restaurant;
import com.quickeats.order.domain.UserId;
import com.quickeats.testing.postgres.TestDatabase;
import com.quickeats.testing.postgres.WithPostgres;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The double payment that the seed service suffered, tried 200 times per case: eight requests carrying the
 * same idempotency key arrive together, through the application's real {@link IdempotentExecutor} on the real
 * PostgreSQL adapters. The use case body writes a restaurant, so that running twice would show in the
 * database as well as in a counter. In every other round the body that runs holds its transaction open until
 * the seven others are seen blocked on its uncommitted claim, so the "wait, then replay" path is exercised for
 * certain, not by luck.
 */
@WithPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotencyRaceTest {
    private static final int ROUNDS = 200;
    private static final int CONTENDERS = 8;
    private static final UserId CALLER = UserId.of("customer-1");

    private Store store;
    private RestaurantCatalog catalog;
    private IdempotentExecutor executor;
    private final AtomicInteger executions = new AtomicInteger();

    @BeforeAll
    void migrate(TestDatabase database) {
        store = Store.on(database, CONTENDERS + 2);
        catalog = store.adapters.restaurantCatalog();
        executor = new IdempotentExecutor(store.adapters.idempotencyStore(), store.adapters.transactionRunner(),
                Clock.systemUTC(), Duration.ofHours(24));
    }

    @AfterAll
    void close() {
        store.close();
    }

    @BeforeEach
    void resetCounter() {
        executions.set(0);
    }

    @Test
    void ofEightRequestsWithOneKeyTheUseCaseRunsOnceAndAllGetItsResponse() {
        try (Race race = new Race(CONTENDERS)) {
            for (int round = 0; round < ROUNDS; round++) {
                String key = UUID.randomUUID().toString();
                IdempotencyClaim claim = new IdempotencyClaim(CALLER, key, "POST /api/v2/orders/1/payment");
                executions.set(0);

                boolean holdTheWinner = round % 2 == 0;

                List<Race.Outcome<Outcome>> outcomes = race.run(i -> () ->
                        executor.execute(claim, createRestaurant(key, holdTheWinner), RENDERER));

                assertThat(outcomes).as("round %d", round).allMatch(Race.Outcome::succeeded);
                assertThat(executions.get()).as("round %d: executions", round).isEqualTo(1);
                assertThat(outcomes.stream().filter(o -> !o.result().replayed())).as("round %d: originals", round)
                        .hasSize(1);
                StoredResponse original = outcomes.stream().filter(o -> !o.result().replayed()).findFirst()
                        .orElseThrow().result().response();
                assertThat(outcomes).as("round %d: everybody got the stored response", round)
                        .allSatisfy(o -> assertThat(o.result().response()).isEqualTo(original));
                assertThat(restaurantsNamed(key)).as("round %d: side effects in the database", round).isEqualTo(1);
            }
        }
    }

    @Test
    void ofEightRequestsReusingOneKeyForTwoBodiesOnlyTheWinnersBodyRuns() {
        try (Race race = new Race(CONTENDERS)) {
            for (int round = 0; round < ROUNDS; round++) {
                String key = UUID.randomUUID().toString();
                executions.set(0);
                boolean holdTheWinner = round % 2 == 0;

                List<Race.Outcome<Outcome>> outcomes = race.run(i -> {
                    String fingerprint = i % 2 == 0 ? "POST /api/v2/orders body-a" : "POST /api/v2/orders body-b";
                    IdempotencyClaim claim = new IdempotencyClaim(CALLER, key, fingerprint);
                    return () -> executor.execute(claim, createRestaurant(key, holdTheWinner), RENDERER);
                });

                assertThat(executions.get()).as("round %d: executions", round).isEqualTo(1);
                int winner = indexOfOriginal(outcomes);
                for (int i = 0; i < CONTENDERS; i++) {
                    Race.Outcome<Outcome> outcome = outcomes.get(i);
                    if (i % 2 == winner % 2) {
                        assertThat(outcome.result().response()).as("round %d: same body %d replays", round, i)
                                .isEqualTo(outcomes.get(winner).result().response());
                    } else {
                        assertThat(outcome.failure()).as("round %d: other body %d is refused", round, i)
                                .isInstanceOf(IdempotencyKeyReusedException.class);
                    }
                }
                assertThat(restaurantsNamed(key)).as("round %d: side effects in the database", round).isEqualTo(1);
            }
        }
    }

    @Test
    void whenTheFirstHolderFailsAWaitingRequestTakesTheKeyOverAndRunsOnce() {
        try (Race race = new Race(CONTENDERS)) {
            for (int round = 0; round < ROUNDS; round++) {
                String key = UUID.randomUUID().toString();
                IdempotencyClaim claim = new IdempotencyClaim(CALLER, key, "POST /api/v2/orders");
                AtomicInteger attempts = new AtomicInteger();
                boolean holdTheFirst = round % 2 == 0;

                List<Race.Outcome<Outcome>> outcomes = race.run(i -> () -> executor.execute(claim, () -> {
                    catalog.add(Restaurant.register(catalog.nextRestaurantId(), key, UserId.of("owner")));
                    if (attempts.incrementAndGet() == 1) {
                        if (holdTheFirst) {
                            LockWaits.awaitWaiting(store, CONTENDERS - 1, Duration.ofSeconds(20));
                        }
                        throw new IllegalStateException("the first attempt crashes after writing");
                    }
                    return "ran on attempt " + attempts.get();
                }, RENDERER));

                assertThat(attempts.get()).as("round %d: attempts", round).isEqualTo(2);
                assertThat(outcomes.stream().filter(o -> !o.succeeded())).as("round %d: failed", round)
                        .singleElement()
                        .satisfies(o -> assertThat(o.failure()).hasMessageContaining("first attempt crashes"));
                List<Outcome> succeeded = outcomes.stream().filter(Race.Outcome::succeeded)
                        .map(Race.Outcome::result).toList();
                assertThat(succeeded).as("round %d: succeeded", round).hasSize(CONTENDERS - 1)
                        .allSatisfy(o -> assertThat(new String(o.response().body(), StandardCharsets.UTF_8))
                                .isEqualTo("ran on attempt 2"));
                assertThat(succeeded.stream().filter(o -> !o.replayed())).hasSize(1);
                assertThat(restaurantsNamed(key)).as("round %d: the crashed write was rolled back", round)
                        .isEqualTo(1);
            }
        }
    }

    /**
     * A use case with a visible side effect: it registers a restaurant named after the key. When {@code hold},
     * it finishes only once every other contender is blocked waiting for this unit of work.
     */
    private Supplier<String> createRestaurant(String key, boolean hold) {
        return () -> {
            catalog.add(Restaurant.register(catalog.nextRestaurantId(), key, UserId.of("owner")));
            if (hold) {
                LockWaits.awaitWaiting(store, CONTENDERS - 1, Duration.ofSeconds(20));
            }
            return "execution " + executions.incrementAndGet() + " " + UUID.randomUUID();
        };
    }

    private long restaurantsNamed(String name) {
        return store.count("SELECT count(*) FROM restaurants WHERE name = ?", name);
    }

    private static int indexOfOriginal(List<Race.Outcome<Outcome>> outcomes) {
        int found = -1;
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i).succeeded() && !outcomes.get(i).result().replayed()) {
                assertThat(found).as("only one request executed").isEqualTo(-1);
                found = i;
            }
        }
        assertThat(found).as("one request executed").isNotNegative();
        return found;
    }

    private static final IdempotentExecutor.Renderer<String> RENDERER = new IdempotentExecutor.Renderer<>() {
        @Override
        public StoredResponse success(String result) {
            return new StoredResponse(200, Map.of("ETag", "\"" + result.hashCode() + "\""),
                    result.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public StoredResponse refusal(RuleRefusalException domainRefusal) {
            return new StoredResponse(409, Map.of(), domainRefusal.getMessage().getBytes(StandardCharsets.UTF_8));
        }
    };
}
