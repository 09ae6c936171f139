package com.quickeats.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.quickeats.order.application.IdempotentExecutor;
import com.quickeats.order.application.port.out.IdempotencyClaim;
import com.quickeats.order.application.port.out.IdempotencyStore;
import com.quickeats.order.application.port.out.StorageUnavailableException;
import com.quickeats.order.application.port.out.StoredResponse;
import com.quickeats.order.application.port.out.TransactionRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class PeriodicPurgeTest {

    @Test
    void purgesOnScheduleAndShrugsOffAFailedRound() throws Exception {
        CountingStore store = new CountingStore();
        IdempotentExecutor executor = new IdempotentExecutor(store, new DirectTransactions(), Clock.systemUTC(),
                Duration.ofHours(24));

        try (PeriodicPurge purge = PeriodicPurge.start("expired idempotency records", executor::purgeExpired,
                Duration.ZERO, Duration.ofMillis(50))) {
            assertThat(store.thirdRound.await(5, TimeUnit.SECONDS)).as("kept purging after a failed round").isTrue();
        }
        assertThat(store.rounds.get()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theIntervalIsAQuarterOfTheTtlAtMostTenMinutes() {
        assertThat(PeriodicPurge.intervalFor(Duration.ofHours(24))).isEqualTo(Duration.ofMinutes(10));
        assertThat(PeriodicPurge.intervalFor(Duration.ofMinutes(20))).isEqualTo(Duration.ofMinutes(5));
        assertThat(PeriodicPurge.intervalFor(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(1));
    }

    /** Fails its first round as a database outage would, then finds nothing left to delete. */
    private static final class CountingStore implements IdempotencyStore {
        final AtomicInteger rounds = new AtomicInteger();
        final CountDownLatch thirdRound = new CountDownLatch(3);

        @Override
        public ClaimResult claim(IdempotencyClaim claim, Instant now, Instant expiresAt) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void complete(IdempotencyClaim claim, StoredResponse response) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int purgeExpired(Instant now, int batchSize) {
            assertThat(batchSize).isEqualTo(PeriodicPurge.BATCH_SIZE);
            int round = rounds.incrementAndGet();
            thirdRound.countDown();
            if (round == 1) {
                throw new StorageUnavailableException("the database is down", null);
            }
            return 0;
        }
    }

    private static final class DirectTransactions implements TransactionRunner {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }
    }
}
