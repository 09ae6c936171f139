package com.quickeats.adapter.persistence;

import java.time.Duration;

/**
 * Observes, from outside, that a session of the test database is blocked waiting for a lock: how a test knows
 * a second unit of work really waits for the first, without sleeping and hoping.
 */
final class LockWaits {
    private LockWaits() {
    }

    static void awaitOneWaiting(Store store, Duration patience) {
        awaitWaiting(store, 1, patience);
    }

    static void awaitWaiting(Store store, int sessions, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (waiting(store) < sessions) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + sessions + " sessions waited for a lock within " + patience);
            }
            Thread.onSpinWait();
        }
    }

    static long waiting(Store store) {
        return store.count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND wait_event_type = 'Lock'");
    }
}
