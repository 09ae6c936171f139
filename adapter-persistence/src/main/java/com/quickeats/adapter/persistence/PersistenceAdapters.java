package com.quickeats.adapter.persistence;

import com.quickeats.order.application.port.out.IdempotencyStore;
import com.quickeats.order.application.port.out.OrderFeedSource;
import com.quickeats.order.application.port.out.OrderRepository;
import com.quickeats.order.application.port.out.RestaurantCatalog;
import com.quickeats.order.application.port.out.TransactionRunner;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The outbound ports of the application, implemented on one PostgreSQL database and sharing one unit of
 * work per thread: what the composition root hands to {@code UseCases.wire}. The data source (a pool, in
 * production) belongs to the caller, who also closes it.
 */
public final class PersistenceAdapters {
    private final Jdbi jdbi;
    private final JdbiTransactionRunner transactions;
    private final JdbiOrderRepository orders;
    private final JdbiRestaurantCatalog restaurants;
    private final PostgresIdempotencyStore idempotency;

    private PersistenceAdapters(DataSource dataSource, Duration idempotencyLockTimeout,
                                OutboxPayloads outboxPayloads) {
        JsonColumns json = new JsonColumns();
        this.transactions = new JdbiTransactionRunner(dataSource);
        this.jdbi = transactions.jdbi();
        this.orders = new JdbiOrderRepository(transactions, new OutboxWriter(json, outboxPayloads));
        this.restaurants = new JdbiRestaurantCatalog(transactions);
        this.idempotency = new PostgresIdempotencyStore(transactions, json, idempotencyLockTimeout);
    }

    /**
     * Adapters over {@code dataSource}, whose schema must be {@link #migrate migrated}.
     *
     * @param outboxPayloads renders each order event's outbox payload (the event and the order on the wire)
     */
    public static PersistenceAdapters create(DataSource dataSource, OutboxPayloads outboxPayloads) {
        return create(dataSource, PostgresIdempotencyStore.DEFAULT_LOCK_TIMEOUT, outboxPayloads);
    }

    /**
     * With a shorter wait than production's, for this module's tests of the in-progress answer.
     *
     * @param idempotencyLockTimeout how long a request waits for a concurrent request holding the same
     *     idempotency key before it is told the other one is still in progress
     * @param outboxPayloads renders each order event's outbox payload (the event and the order on the wire)
     */
    static PersistenceAdapters create(DataSource dataSource, Duration idempotencyLockTimeout,
                                             OutboxPayloads outboxPayloads) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(outboxPayloads, "outboxPayloads");
        return new PersistenceAdapters(dataSource, idempotencyLockTimeout, outboxPayloads);
    }

    /** Brings the schema up to date with the migrations shipped in this module; a no-op when it already is. */
    public static void migrate(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        StorageFailures.translate(() -> Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate());
    }

    public OrderRepository orderRepository() {
        return orders;
    }

    public RestaurantCatalog restaurantCatalog() {
        return restaurants;
    }

    public IdempotencyStore idempotencyStore() {
        return idempotency;
    }

    public TransactionRunner transactionRunner() {
        return transactions;
    }

    /**
     * The stored order events the live feed follows.
     *
     * @param listenerConnections where the feed's one long-lived {@code LISTEN} connection comes from: better
     *     not the pool, which it would hold a connection of for good
     */
    public OrderFeedSource orderFeedSource(DataSource listenerConnections) {
        return new PostgresOrderFeedSource(transactions,
                Objects.requireNonNull(listenerConnections, "listenerConnections"));
    }

    /** Plain connections to one database, each opened on demand: for the feed's listener, beside a pool. */
    public static DataSource unpooled(String jdbcUrl, Optional<String> user, Optional<String> password) {
        PGSimpleDataSource connections = new PGSimpleDataSource();
        connections.setURL(jdbcUrl);
        user.ifPresent(connections::setUser);
        password.ifPresent(connections::setPassword);
        return connections;
    }

    /** Whether the database answers a trivial query now. Never throws. */
    public boolean isHealthy() {
        try {
            return transactions.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one() == 1);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** For tests in this package: the JDBI instance, e.g. to count statements. */
    Jdbi jdbi() {
        return jdbi;
    }

    static Jdbi jdbi(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        return jdbi(dataSource::getConnection);
    }

    static Jdbi jdbi(ConnectionFactory connections) {
        Jdbi jdbi = Jdbi.create(connections);
        jdbi.installPlugin(new PostgresPlugin());
        jdbi.registerArgument(new Timestamps.InstantArgumentFactory());
        return jdbi;
    }
}
