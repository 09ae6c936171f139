package com.quickeats.adapter.persistence;

import com.quickeats.order.application.port.out.StorageUnavailableException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Tells "the database cannot be reached" (worth a 503 and a retry) from every other failure, and turns the
 * former into the port's {@link StorageUnavailableException}. Everything else passes through untouched.
 */
final class StorageFailures {
    /** admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");
    private static final String CONNECTION_EXCEPTION_CLASS = "08";

    private StorageFailures() {
    }

    static <T> T translate(Supplier<T> action) {
        try {
            return action.get();
        } catch (StorageUnavailableException alreadyTranslated) {
            throw alreadyTranslated;
        } catch (RuntimeException failure) {
            throw unavailable(failure).orElseThrow(() -> failure);
        }
    }

    /** The failure as "storage unavailable" if that is what it means. */
    static Optional<StorageUnavailableException> unavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (isUnavailable(t)) {
                return Optional.of(new StorageUnavailableException("the database is unavailable: " + t.getMessage(),
                        failure));
            }
        }
        return Optional.empty();
    }

    /** The SQLState of the first SQL failure in {@code failure}'s causes, if any. */
    static Optional<String> sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql.getSQLState());
            }
        }
        return Optional.empty();
    }

    private static boolean isUnavailable(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof ConnectException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith(CONNECTION_EXCEPTION_CLASS) || UNAVAILABLE_STATES.contains(state);
        }
        return false;
    }
}
