package com.quickeats.order.application;

import static com.quickeats.order.application.TestWorld.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import com.quickeats.order.application.IdempotentExecutor.Outcome;
import com.quickeats.order.application.port.out.IdempotencyClaim;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Many copies of one request arriving at once: the claim is atomic and a second claimer waits for the first,
 * so the use case runs once and everybody gets its response.
 */
class IdempotentExecutorRaceTest {
    private static final int THREADS = 16;

    private final TestWorld world = new TestWorld();
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void stopThePool() {
        pool.shutdownNow();
    }

    /** Runs {@code request} on every thread at once, released together by one latch. */
    private List<Outcome> allAtOnce(Callable<Outcome> request) throws Exception {
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Outcome>> futures = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return request.call();
            }));
        }
        assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> future : futures) {
            outcomes.add(future.get(30, TimeUnit.SECONDS));
        }
        return outcomes;
    }

    private static void assertOneRanAndTheRestReplayedIt(List<Outcome> outcomes) {
        assertThat(outcomes).filteredOn(o -> !o.replayed()).hasSize(1);
        assertThat(outcomes).extracting(Outcome::response).containsOnly(outcomes.get(0).response());
    }

    @Test
    void theUseCaseRunsOncePerKeyHoweverManyCopiesRaceForIt() throws Exception {
        for (int round = 0; round < 200; round++) {
            IdempotencyClaim claim = new IdempotencyClaim(CUSTOMER.id(), "race-" + round, "POST /x sha256:1");
            AtomicInteger runs = new AtomicInteger();
            Supplier<String> useCase = () -> {
                runs.incrementAndGet();
                return UUID.randomUUID().toString();
            };

            List<Outcome> outcomes = allAtOnce(() -> world.app.idempotency().execute(claim, useCase,
                    TestRenderer.text()));

            assertThat(runs).as("round %d", round).hasValue(1);
            assertOneRanAndTheRestReplayedIt(outcomes);
        }
    }

    @Test
    void aPaymentRacedByItsOwnRetriesIsTakenOnce() throws Exception {
        for (int round = 0; round < 30; round++) {
            Order order = world.orderIn(OrderStatus.PENDING_PAYMENT);
            IdempotencyClaim claim = new IdempotencyClaim(CUSTOMER.id(), "pay-" + round,
                    "POST /api/v2/orders/" + order.id() + "/payment sha256:1");

            List<Outcome> outcomes = allAtOnce(() -> world.app.idempotency().execute(claim,
                    () -> world.app.orderActions().pay(CUSTOMER, TestWorld.payment(order)), TestRenderer.orders()));

            assertOneRanAndTheRestReplayedIt(outcomes);
            assertThat(outcomes.get(0).response().status()).isEqualTo(200);
            assertThat(world.app.orderQueries().history(CUSTOMER, order.id())).hasSize(2);
        }
    }
}
