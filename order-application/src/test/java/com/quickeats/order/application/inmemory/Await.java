package com.quickeats.order.application.inmemory;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waits for a condition another thread brings about, such as a unit of work queueing for a lock. */
final class Await {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    private Await() {
    }

    static void until(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting until " + what);
            }
            Thread.onSpinWait();
        }
    }

    /** Waits for another thread to count {@code latch} down; a test that would wait for ever fails instead. */
    static void await(CountDownLatch latch, String what) {
        try {
            if (!latch.await(LIMIT.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new AssertionError("gave up waiting until " + what);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting until " + what, e);
        }
    }
}
