package com.quickeats.adapter.persistence;

import com.quickeats.order.application.port.out.TransactionRunner;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Update;

/**
 * A unit of work is one JDBI handle, bound to the calling thread so that every adapter used inside it reads and
 * writes through that same connection, and one PostgreSQL transaction from its first write on. A nested call
 * joins the open unit of work; only the outermost call commits (on return) or rolls back (when anything is
 * thrown).
 *
 * <p>The transaction begins with the first write, not before: a unit of work that only reads (one order, a page)
 * sends no BEGIN and no COMMIT, each statement committing on its own. That changes nothing a reader can see:
 * under READ COMMITTED, PostgreSQL's default, every statement takes its own snapshot inside a transaction too,
 * and a plain read takes no lock a writer would wait for. Once begun, the driver sends BEGIN in the same round
 * trip as the first statement. A write that can only be the last of its unit of work (the idempotency record)
 * can {@link #writeAtCommit travel with the COMMIT}.
 *
 * <p>Relies on READ COMMITTED: a statement that waited for another transaction then sees what that transaction
 * committed, which the version check and the idempotency claim build on.
 *
 * <p>A database that cannot be reached, or a pool with no free connection in time, surfaces as
 * {@link com.quickeats.order.application.port.out.StorageUnavailableException}.
 */
final class JdbiTransactionRunner implements TransactionRunner {
    private final Jdbi jdbi;
    private final ThreadLocal<UnitOfWork> current = new ThreadLocal<>();

    JdbiTransactionRunner(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /** The thread's handle, whether its transaction has begun, and the write that waits for the COMMIT. */
    private static final class UnitOfWork {
        private final Handle handle;
        private boolean begun;
        private String finalSql;
        private Consumer<Update> finalBinding;

        UnitOfWork(Handle handle) {
            this.handle = handle;
        }

        void begin() {
            if (!begun) {
                handle.begin(); // only turns auto-commit off: the driver sends BEGIN with the next statement
                begun = true;
            }
        }

        /** Runs a write held back for the COMMIT now, because something else comes after it after all. */
        void flush() {
            sendFinalWrite("");
        }

        void commit() {
            // One round trip: pgjdbc splits the text and sends both statements before waiting. If the write
            // fails, PostgreSQL skips the COMMIT and the transaction rolls back.
            sendFinalWrite(";\nCOMMIT");
            if (begun) {
                handle.commit(); // after a COMMIT sent with the last write, the driver knows it has nothing to do
            }
        }

        private void sendFinalWrite(String followedBy) {
            if (finalSql != null) {
                Update update = handle.createUpdate(finalSql + followedBy);
                finalBinding.accept(update);
                finalSql = null;
                finalBinding = null;
                update.execute();
            }
        }
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        if (current.get() != null) {
            return work.get();
        }
        return StorageFailures.translate(() -> {
            try (Handle handle = jdbi.open()) {
                UnitOfWork unit = new UnitOfWork(handle);
                current.set(unit);
                try {
                    T result = work.get();
                    unit.commit();
                    return result;
                } catch (RuntimeException | Error failure) {
                    if (unit.begun) {
                        rollback(handle, failure);
                    }
                    throw failure;
                } finally {
                    current.remove();
                }
            }
        });
    }

    private static void rollback(Handle handle, Throwable failure) {
        try {
            handle.rollback();
        } catch (RuntimeException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }

    /**
     * Runs {@code action} on this thread's unit of work, or, when none is open, on a short-lived handle of its
     * own in auto-commit mode: right for a read, not for writes that belong together.
     */
    <T> T withHandle(Function<Handle, T> action) {
        UnitOfWork unit = current.get();
        if (unit != null) {
            return StorageFailures.translate(() -> {
                unit.flush();
                return action.apply(unit.handle);
            });
        }
        return StorageFailures.translate(() -> {
            try (Handle own = jdbi.open()) {
                return action.apply(own);
            }
        });
    }

    /**
     * Runs {@code action} inside this thread's unit of work, opening one if none is open, with its transaction
     * begun: for writes, and for anything that must hold until the unit of work ends (a transaction's lock).
     */
    <T> T inTransactionWithHandle(Function<Handle, T> action) {
        return inTransaction(() -> {
            current.get().begin();
            return withHandle(action);
        });
    }

    /**
     * Holds back a write that is the last of this thread's unit of work and sends it with the COMMIT, in one round
     * trip; should anything else run on the unit of work first, the write runs before it. The write must fail,
     * not just change no row, when it cannot be made: nothing can be checked between it and the COMMIT.
     */
    void writeAtCommit(String sql, Consumer<Update> binding) {
        UnitOfWork unit = current.get();
        if (unit == null) {
            throw new IllegalStateException("a write at commit needs a unit of work");
        }
        unit.flush();
        unit.begin();
        unit.finalSql = Objects.requireNonNull(sql, "sql");
        unit.finalBinding = Objects.requireNonNull(binding, "binding");
    }

    /** Whether this thread has a unit of work open. */
    boolean isInUnitOfWork() {
        return current.get() != null;
    }
}
