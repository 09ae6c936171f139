package com.quickeats.order.application.inmemory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/** One lock per key (a row, a unique key, an idempotency key), held by a unit of work until it ends. */
final class KeyLocks<K> {
    private final Map<K, ReentrantLock> locks = new ConcurrentHashMap<>();

    /** Holds the key's lock for the rest of {@code unit}; false when another unit kept it past {@code patience}. */
    boolean hold(UnitOfWork unit, K key, Duration patience) {
        return unit.hold(locks.computeIfAbsent(key, k -> new ReentrantLock()), patience);
    }

    boolean isHeldByCurrentThread(K key) {
        ReentrantLock lock = locks.get(key);
        return lock != null && lock.isHeldByCurrentThread();
    }

    /** Whether some unit of work is waiting for the key; lets tests observe a wait without sleeping. */
    boolean hasWaiters(K key) {
        ReentrantLock lock = locks.get(key);
        return lock != null && lock.hasQueuedThreads();
    }
}
