package com.quickeats.bootstrap;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what has outlived its keep (expired idempotency records, outbox events past their retention) now and
 * then, in bounded batches, on a daemon thread. A failed round (the database is down) is logged and simply
 * tried again at the next one.
 */
final class PeriodicPurge implements AutoCloseable {
    static final int BATCH_SIZE = 500;
    private static final Logger LOG = LoggerFactory.getLogger(PeriodicPurge.class);

    private final String what;
    private final IntUnaryOperator purgeInBatches;
    private final ScheduledExecutorService scheduler;

    private PeriodicPurge(String what, IntUnaryOperator purgeInBatches) {
        this.what = what;
        this.purgeInBatches = purgeInBatches;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "quickeats-purge-" + what.replace(' ', '-'));
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts purging every {@code interval}, the first round after {@code initialDelay}.
     *
     * @param purgeInBatches deletes everything due in batches of the given size; answers how many it deleted
     */
    static PeriodicPurge start(String what, IntUnaryOperator purgeInBatches, Duration initialDelay,
                               Duration interval) {
        PeriodicPurge purge = new PeriodicPurge(what, purgeInBatches);
        purge.scheduler.scheduleWithFixedDelay(purge::runOnce, initialDelay.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return purge;
    }

    /** How often to purge: often enough that rows do not outlive their keep by much, at most every 10 minutes. */
    static Duration intervalFor(Duration keep) {
        Duration quarter = keep.dividedBy(4);
        Duration max = Duration.ofMinutes(10);
        Duration min = Duration.ofSeconds(1);
        return quarter.compareTo(max) > 0 ? max : quarter.compareTo(min) < 0 ? min : quarter;
    }

    void runOnce() {
        try {
            int deleted = purgeInBatches.applyAsInt(BATCH_SIZE);
            if (deleted > 0) {
                LOG.info("Purged {} {}", deleted, what);
            }
        } catch (RuntimeException e) {
            LOG.warn("Purging {} failed, will retry: {}", what, Failures.describe(e));
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
