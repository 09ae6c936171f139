package com.quickeats.order.application.inmemory;

import com.quickeats.order.application.port.out.TransactionRunner;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Units of work for the in-memory adapters. A call made while one is open on this thread joins it; the
 * outermost call applies every buffered write when {@code work} returns and discards them all when it throws.
 * Either way the locks the unit of work took are released.
 */
public final class InMemoryTransactions implements TransactionRunner {
    private final ThreadLocal<UnitOfWork> open = new ThreadLocal<>();
    /** Makes a unit of work's writes to several maps appear at once. */
    private final Object commitLock = new Object();
    private final AtomicInteger commits = new AtomicInteger();
    private final AtomicInteger rollbacks = new AtomicInteger();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        if (open.get() != null) {
            return work.get();
        }
        UnitOfWork unit = new UnitOfWork();
        open.set(unit);
        T result;
        try {
            result = work.get();
        } catch (Throwable failure) {
            open.remove();
            unit.rollback();
            rollbacks.incrementAndGet();
            throw failure;
        }
        open.remove();
        synchronized (commitLock) {
            unit.commit();
        }
        commits.incrementAndGet();
        return result;
    }

    /** Whether the calling thread is inside a unit of work. */
    public boolean isOpen() {
        return open.get() != null;
    }

    public int commits() {
        return commits.get();
    }

    public int rollbacks() {
        return rollbacks.get();
    }

    /** The calling thread's unit of work; the in-memory stores refuse to be used outside one. */
    UnitOfWork current() {
        UnitOfWork unit = open.get();
        if (unit == null) {
            throw new IllegalStateException("an in-memory store was used outside a unit of work");
        }
        return unit;
    }
}
