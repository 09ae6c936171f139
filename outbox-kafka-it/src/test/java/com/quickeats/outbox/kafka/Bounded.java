package com.quickeats.outbox.kafka;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits with an end: a broker or connector that does not come up fails the test with a message saying what did
 * not happen, instead of hanging the build.
 */
final class Bounded {
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private Bounded() {
    }

    /** Runs {@code step} on its own thread and gives up after {@code limit}, interrupting it. */
    static <T> T within(Duration limit, String what, Callable<T> step) {
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "bounded: " + what));
        Future<T> result = thread.submit(step);
        try {
            return result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new AssertionError(what + " did not finish within " + limit, e);
        } catch (ExecutionException e) {
            throw new AssertionError(what + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        } finally {
            thread.shutdownNow();
        }
    }

    /** Polls {@code condition} until it holds; on time-out the failure names the last state seen. */
    static void until(Duration limit, String what, BooleanSupplier condition, Supplier<String> lastState) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + limit + "; last state: " + lastState.get());
            }
            try {
                TimeUnit.MILLISECONDS.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }
}
