package com.quickeats.order.application;

import static com.quickeats.order.application.TestWorld.CUSTOMER;
import static com.quickeats.order.application.TestWorld.TTL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quickeats.order.application.port.out.IdempotencyClaim;
import com.quickeats.order.application.port.out.IdempotencyStore;
import com.quickeats.order.application.port.out.StoredResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Records are kept for their time to live, then count as absent, and are purged in batches. */
class IdempotencyExpiryTest {
    private final TestWorld world = new TestWorld();
    private final AtomicInteger runs = new AtomicInteger();

    private IdempotentExecutor.Outcome run(IdempotentExecutor executor, String key, String fingerprint) {
        return executor.execute(new IdempotencyClaim(CUSTOMER.id(), key, fingerprint),
                () -> "run " + runs.incrementAndGet(), TestRenderer.text());
    }

    private IdempotentExecutor.Outcome run(String key, String fingerprint) {
        return run(world.app.idempotency(), key, fingerprint);
    }

    @Test
    void aRecordIsReplayedUntilItsTimeToLiveIsUp() {
        run("k1", "A");
        world.clock.advance(TTL.minusSeconds(1));

        assertThat(run("k1", "A").replayed()).isTrue();
        assertThat(runs).hasValue(1);
    }

    @Test
    void anExpiredRecordCountsAsAbsent() {
        run("k1", "A");
        run("k2", "A");
        world.clock.advance(TTL.plusSeconds(1));

        assertThat(run("k1", "A").replayed()).isFalse();
        assertThat(run("k2", "a different request").replayed()).isFalse();
        assertThat(runs).hasValue(4);
        assertThat(run("k2", "a different request").replayed()).isTrue();
    }

    /** Passes every call on, remembering how many records each purge batch deleted. */
    private static class BatchRecorder implements IdempotencyStore {
        private final IdempotencyStore store;
        final List<Integer> batches = new ArrayList<>();

        BatchRecorder(IdempotencyStore store) {
            this.store = store;
        }

        @Override
        public ClaimResult claim(IdempotencyClaim claim, Instant now, Instant expiresAt) {
            return store.claim(claim, now, expiresAt);
        }

        @Override
        public void complete(IdempotencyClaim claim, StoredResponse response) {
            store.complete(claim, response);
        }

        @Override
        public int purgeExpired(Instant now, int batchSize) {
            int deleted = store.purgeExpired(now, batchSize);
            batches.add(deleted);
            return deleted;
        }
    }

    private IdempotentExecutor executorOver(IdempotencyStore store) {
        return new IdempotentExecutor(store, world.transactions, world.clock, TTL);
    }

    @Test
    void purgingDeletesOnlyExpiredRecordsInBatchesEachItsOwnUnitOfWork() {
        BatchRecorder recorder = new BatchRecorder(world.idempotencyStore);
        IdempotentExecutor executor = executorOver(recorder);
        for (int i = 0; i < 7; i++) {
            run(executor, "old-" + i, "A");
        }
        world.clock.advance(Duration.ofHours(1));
        run(executor, "young-1", "A");
        run(executor, "young-2", "A");
        world.clock.advance(TTL.minusMinutes(30));
        int commits = world.transactions.commits();

        assertThat(executor.purgeExpired(3)).isEqualTo(7);

        assertThat(recorder.batches).containsExactly(3, 3, 1);
        assertThat(world.transactions.commits() - commits).isEqualTo(3);
        assertThat(world.idempotencyStore.size()).isEqualTo(2);
        assertThat(run(executor, "young-1", "A").replayed()).isTrue();
    }

    @Test
    void purgingStopsAfterTheFirstShortBatch() {
        BatchRecorder recorder = new BatchRecorder(world.idempotencyStore);
        IdempotentExecutor executor = executorOver(recorder);
        for (int i = 0; i < 6; i++) {
            run(executor, "old-" + i, "A");
        }
        world.clock.advance(TTL.plusSeconds(1));

        assertThat(executor.purgeExpired(3)).isEqualTo(6);
        assertThat(recorder.batches).containsExactly(3, 3, 0);
        assertThat(executor.purgeExpired(3)).isZero();
    }

    /**
     * A store behaves like SQL's {@code LIMIT 0}: a batch of zero deletes nothing. The executor must refuse
     * such a batch size instead of asking again for ever; this store fails loudly on the second ask so that
     * the test cannot hang.
     */
    @Test
    void purgingWithANonPositiveBatchSizeIsRefusedRatherThanLoopingForever() {
        AtomicInteger asked = new AtomicInteger();
        BatchRecorder limitZero = new BatchRecorder(world.idempotencyStore) {
            @Override
            public int purgeExpired(Instant now, int batchSize) {
                if (asked.incrementAndGet() > 1) {
                    throw new AssertionError("purgeExpired(" + batchSize + ") asked the store again and again");
                }
                return 0;
            }
        };

        assertThatThrownBy(() -> executorOver(limitZero).purgeExpired(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
