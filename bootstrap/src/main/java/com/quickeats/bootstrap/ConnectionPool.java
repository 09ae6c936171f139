package com.quickeats.bootstrap;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The service's database connections: one Hikari pool. A caller waits at most {@link #CONNECTION_TIMEOUT}
 * for a connection; past that the persistence adapter reports the store unavailable and the client gets a
 * 503 with {@code Retry-After}, instead of a request that hangs while the database is down or the pool is
 * exhausted. Broken connections are replaced as the database comes back, with no restart.
 */
final class ConnectionPool {
    static final Duration CONNECTION_TIMEOUT = Duration.ofMillis(2_500);
    private static final Duration VALIDATION_TIMEOUT = Duration.ofMillis(1_000);
    /**
     * Seconds the driver gives a new connection, TCP connect and login together (a server that accepts but
     * never answers costs this long, not twice as long), and then a reply on an open one.
     */
    private static final int CONNECT_TIMEOUT_SECONDS = 3;
    private static final int SOCKET_TIMEOUT_SECONDS = 60;
    /**
     * The driver logs some failures through java.util.logging before it throws them; the exception says
     * the same, and the service reports it in one line. Held here: the logging keeps loggers only weakly.
     */
    private static final Logger DRIVER_LOG = silenced(Logger.getLogger("org.postgresql"));

    private ConnectionPool() {
    }

    /**
     * Opens the pool after checking, with one plain connection, that the database answers: a wrong URL,
     * an unreachable server or refused credentials end start-up with one line naming the settings to fix.
     *
     * @param settingsHint which settings the operator should check if the database cannot be reached
     */
    static HikariDataSource open(String jdbcUrl, Optional<String> user, Optional<String> password, int size,
                                 MeterRegistry registry, String settingsHint) {
        checkReachable(jdbcUrl, user, password, settingsHint);
        HikariConfig config = new HikariConfig();
        config.setPoolName("quickeats");
        config.setJdbcUrl(jdbcUrl);
        user.ifPresent(config::setUsername);
        password.ifPresent(config::setPassword);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(Math.min(size, 2));
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        config.setValidationTimeout(VALIDATION_TIMEOUT.toMillis());
        // The persistence adapter's version checks and idempotency claims assume PostgreSQL's default isolation.
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.setInitializationFailTimeout(-1); // reachability was just checked; a blip now must not abort
        driverProperties().forEach((key, value) -> config.addDataSourceProperty((String) key, value));
        config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        return new HikariDataSource(config);
    }

    /** Connections for the {@link DatabaseGate}'s probe: outside the pool, giving up within its timeout. */
    static DatabaseGate.Connector probeConnector(String jdbcUrl, Optional<String> user, Optional<String> password) {
        int seconds = (int) DatabaseGate.PROBE_TIMEOUT.toSeconds();
        Properties properties = credentials(driverProperties(), user, password);
        properties.setProperty("connectTimeout", Integer.toString(seconds));
        properties.setProperty("loginTimeout", Integer.toString(seconds));
        properties.setProperty("socketTimeout", Integer.toString(seconds * 2));
        properties.setProperty("ApplicationName", "quickeats-probe");
        return () -> DriverManager.getConnection(jdbcUrl, properties);
    }

    private static void checkReachable(String jdbcUrl, Optional<String> user, Optional<String> password,
                                       String settingsHint) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl,
                credentials(driverProperties(), user, password))) {
            if (!connection.isValid((int) VALIDATION_TIMEOUT.toSeconds())) {
                throw new SQLException("the server accepted a connection but did not answer");
            }
        } catch (SQLException e) {
            throw new StartupException("cannot connect to the database at " + Configuration.redact(jdbcUrl) + ": "
                    + Failures.describe(e) + "; " + settingsHint, e);
        }
    }

    private static Properties credentials(Properties properties, Optional<String> user, Optional<String> password) {
        user.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p));
        return properties;
    }

    private static Logger silenced(Logger logger) {
        logger.setLevel(Level.OFF);
        return logger;
    }

    private static Properties driverProperties() {
        Properties properties = new Properties();
        properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("loginTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("socketTimeout", Integer.toString(SOCKET_TIMEOUT_SECONDS));
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "quickeats");
        return properties;
    }
}
