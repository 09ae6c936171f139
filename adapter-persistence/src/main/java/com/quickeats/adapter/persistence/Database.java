package com.quickeats.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import javax.sql.DataSource;

/**
 * A pool of connections to one PostgreSQL database, its schema migrated, and the adapters on top: for a
 * composition root that does not build its own pool. Closing it closes the pool.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource pool;
    private final PersistenceAdapters adapters;

    private Database(HikariDataSource pool, OutboxPayloads outboxPayloads) {
        this.pool = pool;
        this.adapters = PersistenceAdapters.create(pool, outboxPayloads);
    }

    /**
     * Opens the pool and migrates the schema.
     *
     * @param outboxPayloads renders each order event's outbox payload (the event and the order on the wire)
     *
     * @throws com.quickeats.order.application.port.out.StorageUnavailableException when the database cannot be
     *     reached
     */
    public static Database open(DatabaseSettings settings, OutboxPayloads outboxPayloads) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("quickeats");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        // The version check and the idempotency claim are written for PostgreSQL's default isolation.
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw StorageFailures.unavailable(e).orElseThrow(() -> e);
        }
        try {
            PersistenceAdapters.migrate(pool);
            return new Database(pool, outboxPayloads);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    public PersistenceAdapters adapters() {
        return adapters;
    }

    public boolean isHealthy() {
        return adapters.isHealthy();
    }

    /** How the pool is used right now, for metrics. */
    public PoolUsage poolUsage() {
        HikariPoolMXBean bean = pool.getHikariPoolMXBean();
        int max = pool.getMaximumPoolSize();
        return bean == null ? new PoolUsage(0, 0, 0, max)
                : new PoolUsage(bean.getActiveConnections(), bean.getIdleConnections(),
                        bean.getThreadsAwaitingConnection(), max);
    }

    @Override
    public void close() {
        pool.close();
    }

    /** Connections in use and idle, threads waiting for one, and the pool's maximum size. */
    public record PoolUsage(int active, int idle, int waiting, int max) {
    }
}
