package com.quickeats.adapter.persistence;

import com.quickeats.testing.postgres.TestDatabase;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Function;
import javax.sql.DataSource;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A test class's view of its own fresh database: migrated, behind a small pool, with the adapters under test
 * and a plain JDBI handle for looking at tables directly. Close it in {@code @AfterAll}.
 */
final class Store implements AutoCloseable {
    final TestDatabase database;
    final HikariDataSource pool;
    final PersistenceAdapters adapters;
    /** For arranging and inspecting rows behind the adapters' backs; never bound to a unit of work. */
    final Jdbi direct;
    /** What crossed the wire between the pool and the database, when the store was made {@link #tapped}. */
    final WireTap tap;
    private final AtomicInteger statements = new AtomicInteger();

    private Store(TestDatabase database, int poolSize, WireTap tap,
                  Function<DataSource, PersistenceAdapters> factory) {
        this.database = database;
        this.tap = tap;
        PersistenceAdapters.migrate(database.dataSource());
        this.pool = pool(tap == null ? database.jdbcUrl() : tap.jdbcUrl(), database, poolSize);
        this.adapters = factory.apply(pool);
        this.direct = PersistenceAdapters.jdbi(pool);
        adapters.jdbi().setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                statements.incrementAndGet();
            }
        });
    }

    static Store on(TestDatabase database) {
        return on(database, 10);
    }

    static Store on(TestDatabase database, int poolSize) {
        return new Store(database, poolSize, null,
                dataSource -> PersistenceAdapters.create(dataSource, new MinimalPayloads()));
    }

    /** With the pool's connections relayed through a {@link WireTap}, to count round trips. */
    static Store tapped(TestDatabase database, int poolSize) {
        return new Store(database, poolSize, WireTap.inFrontOf(database),
                dataSource -> PersistenceAdapters.create(dataSource, new MinimalPayloads()));
    }

    /** With a claim that gives up waiting for a concurrent holder of its key after {@code lockTimeout}. */
    static Store on(TestDatabase database, int poolSize, Duration lockTimeout) {
        return new Store(database, poolSize, null, dataSource -> PersistenceAdapters.create(dataSource, lockTimeout,
                new MinimalPayloads()));
    }

    static HikariDataSource pool(TestDatabase database, int size) {
        return pool(database.jdbcUrl(), database, size);
    }

    private static HikariDataSource pool(String jdbcUrl, TestDatabase database, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(database.user());
        config.setPassword(database.password());
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        return new HikariDataSource(config);
    }

    /** How many SQL statements the adapters have run so far. */
    int statementCount() {
        return statements.get();
    }

    long count(String sql, Object... arguments) {
        return direct.withHandle(h -> {
            var query = h.createQuery(sql);
            for (int i = 0; i < arguments.length; i++) {
                query.bind(i, arguments[i]);
            }
            return query.mapTo(Long.class).one();
        });
    }

    void execute(String sql) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        pool.close();
        if (tap != null) {
            tap.close();
        }
    }
}
