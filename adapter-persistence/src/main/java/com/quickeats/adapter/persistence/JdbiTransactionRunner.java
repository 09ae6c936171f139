package com.quickeats.adapter.persistence;

import com.quickeats.order.application.port.out.TransactionRunner;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A unit of work is one JDBI handle in one PostgreSQL transaction, bound to the calling thread so that every
 * adapter used inside it reads and writes through that same transaction. A nested call joins the open unit of
 * work; only the outermost call commits (on return) or rolls back (when anything is thrown).
 *
 * <p>Relies on READ COMMITTED, PostgreSQL's default: a statement that waited for another transaction then sees
 * what that transaction committed, which the version check and the idempotency claim build on.
 *
 * <p>A database that cannot be reached, or a pool with no free connection in time, surfaces as
 * {@link com.quickeats.order.application.port.out.StorageUnavailableException}.
 */
final class JdbiTransactionRunner implements TransactionRunner {
    private final Jdbi jdbi;
    private final ThreadLocal<Handle> current = new ThreadLocal<>();

    JdbiTransactionRunner(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        if (current.get() != null) {
            return work.get();
        }
        return StorageFailures.translate(() -> {
            try (Handle handle = jdbi.open()) {
                current.set(handle);
                try {
                    return handle.inTransaction(h -> work.get());
                } finally {
                    current.remove();
                }
            }
        });
    }

    /**
     * Runs {@code action} on this thread's unit of work, or, when none is open, on a short-lived handle of its
     * own in auto-commit mode: right for a single statement, not for several that belong together.
     */
    <T> T withHandle(Function<Handle, T> action) {
        Handle handle = current.get();
        if (handle != null) {
            return StorageFailures.translate(() -> action.apply(handle));
        }
        return StorageFailures.translate(() -> {
            try (Handle own = jdbi.open()) {
                return action.apply(own);
            }
        });
    }

    /** Runs {@code action} inside this thread's unit of work, opening one if none is open: for writes of several statements. */
    <T> T inTransactionWithHandle(Function<Handle, T> action) {
        return inTransaction(() -> withHandle(action));
    }

    /** Whether this thread has a unit of work open. */
    boolean isInUnitOfWork() {
        return current.get() != null;
    }
}
