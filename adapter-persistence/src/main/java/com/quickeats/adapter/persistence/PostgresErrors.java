package com.quickeats.adapter.persistence;

import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Reads PostgreSQL's answer out of a failed statement: which SQLState, which constraint. */
final class PostgresErrors {
    static final String UNIQUE_VIOLATION = "23505";
    static final String LOCK_NOT_AVAILABLE = "55P03";

    private PostgresErrors() {
    }

    static boolean hasState(Throwable failure, String sqlState) {
        return StorageFailures.sqlState(failure).map(sqlState::equals).orElse(false);
    }

    static boolean isUniqueViolationOf(Throwable failure, String constraint) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PSQLException psql && UNIQUE_VIOLATION.equals(psql.getSQLState())) {
                ServerErrorMessage message = psql.getServerErrorMessage();
                return message != null && constraint.equals(message.getConstraint());
            }
            if (t instanceof SQLException) {
                return false;
            }
        }
        return false;
    }
}
