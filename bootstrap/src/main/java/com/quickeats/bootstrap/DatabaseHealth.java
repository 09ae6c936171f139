package com.quickeats.bootstrap;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Whether the database answers through the service's own pool, within the pool's connection timeout. */
final class DatabaseHealth {
    private static final int QUERY_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;

    DatabaseHealth(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The database's state as seen now. */
    Check check() {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(QUERY_TIMEOUT_SECONDS)) {
                return new Check(false, elapsedMillis(started), "the database did not answer");
            }
            return new Check(true, elapsedMillis(started), null);
        } catch (SQLException | RuntimeException e) {
            return new Check(false, elapsedMillis(started), Failures.describe(e));
        }
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** @param error why the database is down; null when it is up */
    record Check(boolean up, long millis, String error) {
    }
}
