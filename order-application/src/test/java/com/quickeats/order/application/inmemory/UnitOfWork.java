package com.quickeats.order.application.inmemory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** One open unit of work: each store's buffered writes, what applies them, and the locks held until the end. */
final class UnitOfWork {
    private final Map<Object, Object> buffers = new IdentityHashMap<>();
    private final List<Runnable> onCommit = new ArrayList<>();
    private final List<ReentrantLock> held = new ArrayList<>();

    /** The buffer {@code owner} keeps in this unit of work, created on first use with what applies it at commit. */
    @SuppressWarnings("unchecked")
    <B> B buffer(Object owner, Supplier<B> create, Consumer<B> apply) {
        Object existing = buffers.get(owner);
        if (existing != null) {
            return (B) existing;
        }
        B created = create.get();
        buffers.put(owner, created);
        onCommit.add(() -> apply.accept(created));
        return created;
    }

    /**
     * Takes {@code lock} until this unit of work ends, waiting at most {@code patience} for another unit of
     * work to release it.
     *
     * @return false when the other holder kept it longer
     */
    boolean hold(ReentrantLock lock, Duration patience) {
        if (lock.isHeldByCurrentThread()) {
            return true;
        }
        try {
            if (!lock.tryLock(patience.toNanos(), TimeUnit.NANOSECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a lock", e);
        }
        held.add(lock);
        return true;
    }

    void commit() {
        try {
            onCommit.forEach(Runnable::run);
        } finally {
            release();
        }
    }

    void rollback() {
        release();
    }

    private void release() {
        held.forEach(ReentrantLock::unlock);
        held.clear();
    }
}
