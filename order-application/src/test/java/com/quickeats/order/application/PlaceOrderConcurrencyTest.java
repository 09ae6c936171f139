package com.quickeats.order.application;

import static com.quickeats.order.application.TestWorld.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import com.quickeats.order.application.IdempotentExecutor.Outcome;
import com.quickeats.order.application.port.in.PlaceOrderCommand;
import com.quickeats.order.application.port.in.PlacedOrder;
import com.quickeats.order.application.port.out.IdempotencyClaim;
import com.quickeats.order.domain.Restaurant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** However the copies of one placement interleave, the key creates one order and every copy is told of it. */
class PlaceOrderConcurrencyTest {
    private final TestWorld world = new TestWorld();
    private final Restaurant chicken = world.chickenPlace();

    /**
     * A copy that commits between this placement's look-up of the key and its insert: the unique key refuses
     * the insert, and the answer must still be the order the key created, not a storage failure.
     */
    @Test
    void aPlacementOvertakenByACopyOfItselfReturnsTheOrderTheCopyCreated() {
        PlaceOrderCommand command = world.oneOfTheFirstItem(chicken);
        CompletableFuture<PlacedOrder> copy = new CompletableFuture<>();
        world.orders.beforeNextWrite(() -> copy.complete(CompletableFuture.supplyAsync(
                () -> world.app.placeOrder().place(CUSTOMER, command)).join()));

        PlacedOrder placed = world.app.placeOrder().place(CUSTOMER, command);

        assertThat(copy.join().alreadyPlaced()).isFalse();
        assertThat(placed.alreadyPlaced()).isTrue();
        assertThat(placed.order().id()).isEqualTo(copy.join().order().id());
        assertThat(world.orders.size()).isEqualTo(1);
    }

    @Test
    void copiesRacingThroughTheIdempotentExecutorCreateOneOrder() throws Exception {
        int copies = 16;
        ExecutorService pool = Executors.newFixedThreadPool(copies);
        try {
            PlaceOrderCommand command = world.oneOfTheFirstItem(chicken);
            IdempotencyClaim claim = new IdempotencyClaim(CUSTOMER.id(), command.creationKey(),
                    "POST /api/v2/orders sha256:1");
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                outcomes.add(pool.submit(() -> {
                    go.await();
                    return world.app.idempotency().execute(claim,
                            () -> world.app.placeOrder().place(CUSTOMER, command).order(), TestRenderer.orders());
                }));
            }
            go.countDown();

            List<Outcome> results = new ArrayList<>();
            for (Future<Outcome> outcome : outcomes) {
                results.add(outcome.get(30, TimeUnit.SECONDS));
            }
            assertThat(results).filteredOn(o -> !o.replayed()).hasSize(1);
            assertThat(results).extracting(Outcome::response).containsOnly(results.get(0).response());
            assertThat(world.orders.size()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
