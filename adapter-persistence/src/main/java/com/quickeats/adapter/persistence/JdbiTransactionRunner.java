package com.quickeats.adapter.persistence;

import com.quickeats.order.application.port.out.TransactionRunner;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * A unit of work is one connection from the pool, bound to the calling thread so that every adapter used inside it
 * reads and writes through that same connection, and one PostgreSQL transaction from its first write on. A nested
 * call joins the open unit of work; only the outermost call commits (on return) or rolls back (when anything is
 * thrown).
 *
 * <p>The hot statements (an order, a placement, an action, an idempotency record) run on the connection itself
 * ({@link #withConnection}); the rest runs through a JDBI handle over the same connection, opened only when a unit
 * of work first asks for one ({@link #withHandle}), so that a request on the hot path pays for no handle.
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
    private final DataSource dataSource;
    private final Jdbi jdbi;
    private final ThreadLocal<UnitOfWork> current = new ThreadLocal<>();

    JdbiTransactionRunner(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.jdbi = PersistenceAdapters.jdbi(new UnitOfWorkConnections());
    }

    /** Work on a connection; a failure of the database surfaces as it is, wrapped only to be unchecked. */
    @FunctionalInterface
    interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** Binds a statement's parameters. */
    @FunctionalInterface
    interface Binding {
        void bind(NamedSql.Bound statement) throws SQLException;
    }

    /** A write that may travel with the COMMIT: its SQL, and the same followed by the COMMIT, each parsed once. */
    record FinalWrite(NamedSql alone, NamedSql withCommit) {
        static FinalWrite of(String sql) {
            return new FinalWrite(NamedSql.of(sql), NamedSql.of(sql + ";\nCOMMIT"));
        }
    }

    /** The thread's connection, its JDBI handle once asked for, whether its transaction has begun, the last write. */
    private final class UnitOfWork {
        private final Connection connection;
        private Handle handle;
        private boolean begun;
        private FinalWrite finalWrite;
        private Binding finalBinding;

        UnitOfWork(Connection connection) {
            this.connection = connection;
        }

        Handle handle() {
            if (handle == null) {
                handle = jdbi.open(); // on this connection: see UnitOfWorkConnections
            }
            return handle;
        }

        void begin() throws SQLException {
            if (!begun) {
                connection.setAutoCommit(false); // the driver sends BEGIN with the next statement
                begun = true;
            }
        }

        /** Runs a write held back for the COMMIT now, because something else comes after it after all. */
        void flush() throws SQLException {
            sendFinalWrite(false);
        }

        void commit() throws SQLException {
            // One round trip: pgjdbc splits the text and sends both statements before waiting. If the write
            // fails, PostgreSQL skips the COMMIT and the transaction rolls back.
            sendFinalWrite(true);
            if (begun) {
                connection.commit(); // after a COMMIT sent with the last write, the driver knows it has nothing to do
                connection.setAutoCommit(true);
            }
        }

        void rollback() throws SQLException {
            connection.rollback();
            connection.setAutoCommit(true);
        }

        private void sendFinalWrite(boolean withCommit) throws SQLException {
            if (finalWrite != null) {
                NamedSql sql = withCommit ? finalWrite.withCommit() : finalWrite.alone();
                Binding binding = finalBinding;
                finalWrite = null;
                finalBinding = null;
                try (NamedSql.Bound statement = sql.prepare(connection)) {
                    binding.bind(statement);
                    statement.statement().execute();
                }
            }
        }

        /** Closes the handle (its transaction already ended), then gives the connection back to the pool. */
        void close() throws SQLException {
            try (Connection pooled = connection) {
                if (handle != null) {
                    handle.close();
                }
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
            UnitOfWork unit = new UnitOfWork(sql(dataSource::getConnection));
            current.set(unit);
            try {
                T result = work.get();
                sql(() -> {
                    unit.commit();
                    return null;
                });
                return result;
            } catch (RuntimeException | Error failure) {
                if (unit.begun) {
                    rollback(unit, failure);
                }
                throw failure;
            } finally {
                try {
                    sql(() -> {
                        unit.close();
                        return null;
                    });
                } finally {
                    current.remove();
                }
            }
        });
    }

    private static void rollback(UnitOfWork unit, Throwable failure) {
        try {
            unit.rollback();
        } catch (SQLException | RuntimeException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }

    /**
     * Runs {@code work} on this thread's unit of work's connection, or, when none is open, in a unit of work of its
     * own that only lasts for it (auto-commit: right for a read, not for writes that belong together).
     */
    <T> T withConnection(SqlWork<T> work) {
        return inTransaction(() -> {
            UnitOfWork unit = current.get();
            return sql(() -> {
                unit.flush();
                return work.apply(unit.connection);
            });
        });
    }

    /**
     * Runs {@code work} inside this thread's unit of work, opening one if none is open, with its transaction
     * begun: for writes, and for anything that must hold until the unit of work ends (a transaction's lock).
     */
    <T> T inTransactionWithConnection(SqlWork<T> work) {
        return inTransaction(() -> {
            UnitOfWork unit = current.get();
            return sql(() -> {
                unit.begin();
                unit.flush();
                return work.apply(unit.connection);
            });
        });
    }

    /** As {@link #withConnection}, through a JDBI handle on the unit of work's connection. */
    <T> T withHandle(Function<Handle, T> action) {
        return inTransaction(() -> {
            UnitOfWork unit = current.get();
            sql(() -> {
                unit.flush();
                return null;
            });
            return action.apply(unit.handle());
        });
    }

    /** As {@link #inTransactionWithConnection}, through a JDBI handle on the unit of work's connection. */
    <T> T inTransactionWithHandle(Function<Handle, T> action) {
        return inTransaction(() -> {
            UnitOfWork unit = current.get();
            sql(() -> {
                unit.begin();
                unit.flush();
                return null;
            });
            return action.apply(unit.handle());
        });
    }

    /**
     * Holds back a write that is the last of this thread's unit of work and sends it with the COMMIT, in one round
     * trip; should anything else run on the unit of work first, the write runs before it. The write must fail,
     * not just change no row, when it cannot be made: nothing can be checked between it and the COMMIT.
     */
    void writeAtCommit(FinalWrite write, Binding binding) {
        UnitOfWork unit = current.get();
        if (unit == null) {
            throw new IllegalStateException("a write at commit needs a unit of work");
        }
        sql(() -> {
            unit.flush();
            unit.begin();
            return null;
        });
        unit.finalWrite = Objects.requireNonNull(write, "write");
        unit.finalBinding = Objects.requireNonNull(binding, "binding");
    }

    /** Whether this thread has a unit of work open. */
    boolean isInUnitOfWork() {
        return current.get() != null;
    }

    /** For this module's tests: the JDBI instance whose handles the units of work use. */
    Jdbi jdbi() {
        return jdbi;
    }

    private static <T> T sql(SqlAction<T> action) {
        try {
            return action.run();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    @FunctionalInterface
    private interface SqlAction<T> {
        T run() throws SQLException;
    }

    /**
     * Where JDBI's handles get their connection: the thread's unit of work's, which the unit of work gives back
     * itself; outside a unit of work (the feed's reads), one of the pool's.
     */
    private final class UnitOfWorkConnections implements ConnectionFactory {
        @Override
        public Connection openConnection() throws SQLException {
            UnitOfWork unit = current.get();
            return unit == null ? dataSource.getConnection() : unit.connection;
        }

        @Override
        public void closeConnection(Connection connection) throws SQLException {
            UnitOfWork unit = current.get();
            if (unit == null || unit.connection != connection) {
                connection.close();
            }
        }
    }
}
