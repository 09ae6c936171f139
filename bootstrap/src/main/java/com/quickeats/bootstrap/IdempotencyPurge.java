package com.quickeats.bootstrap;

import com.quickeats.order.application.IdempotentExecutor;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired idempotency records now and then, on a daemon thread. A failed round (the database is
 * down) is logged and simply tried again at the next one.
 */
final class IdempotencyPurge implements AutoCloseable {
    static final int BATCH_SIZE = 500;
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyPurge.class);

    private final IdempotentExecutor idempotency;
    private final ScheduledExecutorService scheduler;

    private IdempotencyPurge(IdempotentExecutor idempotency) {
        this.idempotency = idempotency;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "quickeats-idempotency-purge");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts purging every {@code interval}, the first round after {@code initialDelay}. */
    static IdempotencyPurge start(IdempotentExecutor idempotency, Duration initialDelay, Duration interval) {
        IdempotencyPurge purge = new IdempotencyPurge(idempotency);
        purge.scheduler.scheduleWithFixedDelay(purge::runOnce, initialDelay.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return purge;
    }

    /** How often to purge: often enough that records do not outlive their TTL by much, at most every 10 minutes. */
    static Duration intervalFor(Duration ttl) {
        Duration quarter = ttl.dividedBy(4);
        Duration max = Duration.ofMinutes(10);
        Duration min = Duration.ofSeconds(1);
        return quarter.compareTo(max) > 0 ? max : quarter.compareTo(min) < 0 ? min : quarter;
    }

    void runOnce() {
        try {
            int deleted = idempotency.purgeExpired(BATCH_SIZE);
            if (deleted > 0) {
                LOG.info("Purged {} expired idempotency records", deleted);
            }
        } catch (RuntimeException e) {
            LOG.warn("Purging expired idempotency records failed, will retry: {}", Failures.describe(e));
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
