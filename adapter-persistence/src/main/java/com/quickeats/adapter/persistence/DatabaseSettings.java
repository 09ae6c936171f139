package com.quickeats.adapter.persistence;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the database is and how many connections to keep to it. A request waits at most
 * {@code connectionTimeout} for a free connection before the store reports itself unavailable.
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int poolSize,
                               Duration connectionTimeout) {
    /** HikariCP refuses anything shorter. */
    public static final Duration MIN_CONNECTION_TIMEOUT = Duration.ofMillis(250);

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("the pool needs at least one connection, got " + poolSize);
        }
        if (connectionTimeout.compareTo(MIN_CONNECTION_TIMEOUT) < 0) {
            throw new IllegalArgumentException("the connection timeout must be at least " + MIN_CONNECTION_TIMEOUT
                    + ", got " + connectionTimeout);
        }
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "DatabaseSettings[" + jdbcUrl + " user=" + user + " password=" + (password == null ? "none" : "***")
                + " pool=" + poolSize + " timeout=" + connectionTimeout + "]";
    }
}
