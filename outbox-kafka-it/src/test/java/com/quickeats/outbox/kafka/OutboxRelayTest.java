package com.quickeats.outbox.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.quickeats.adapter.http.order.OrderEventData;
import com.quickeats.adapter.persistence.PersistenceAdapters;
import com.quickeats.order.application.UseCases;
import com.quickeats.testing.postgres.TestDatabase;
import com.quickeats.testing.postgres.WithPostgres;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay of contract §10 for real: the shipped database setup and connector configuration, a Kafka broker, a
 * Kafka Connect worker running Debezium's PostgreSQL connector with the outbox event router, and a consumer that
 * checks what another service would get.
 */
@WithPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxRelayTest {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelayTest.class);
    private static final Duration RELAY_LIMIT = Duration.ofSeconds(60);
    private static final Duration WRITE_LIMIT = Duration.ofSeconds(120);
    private static final long BEFORE_THE_CONNECTOR = 1_000_000;
    private static final int ORDERS = 200;

    private TestDatabase database;
    private OutboxConnector connector;
    private KafkaBroker broker;
    private ConnectWorker worker;
    private OrderEventsTopic topic;
    private HikariDataSource pool;
    private PersistenceAdapters adapters;
    private OutboxRowsBySql rowsBySql;

    @BeforeAll
    void startTheRelay(TestDatabase database, @TempDir Path workDirectory) throws Exception {
        this.database = database;
        assertThat(setting("wal_level")).as("the test PostgreSQL must run with wal_level=logical").isEqualTo("logical");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.user());
        config.setPassword(database.password());
        config.setMaximumPoolSize(12);
        config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
        pool = new HikariDataSource(config);
        PersistenceAdapters.migrate(pool);
        adapters = PersistenceAdapters.create(pool, OrderEventData::json);
        connector = OutboxConnector.shippedFor(database);
        for (String statement : statements(Files.readString(OutboxConnector.deployFile("relay-setup.sql")))) {
            execute(statement); // one by one, as psql runs the file: a slot cannot be created after a write
        }
        rowsBySql = new OutboxRowsBySql(pool);
        // Written after the slot exists but before the connector runs: the slot keeps them for it.
        rowsBySql.live(BEFORE_THE_CONNECTOR, 3, 2);
        broker = KafkaBroker.start(Files.createDirectory(workDirectory.resolve("kafka-logs")));
        worker = ConnectWorker.start(broker.bootstrapServers(), workDirectory.resolve("connect.offsets"));
        worker.run(connector.name(), connector.config());
        topic = new OrderEventsTopic(broker.bootstrapServers());
    }

    @AfterAll
    void stopTheRelay() {
        if (topic != null) {
            topic.close();
        }
        if (worker != null) {
            worker.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (pool != null) {
            pool.close();
        }
        if (connector == null) {
            return;
        }
        // The database is dropped after the class; PostgreSQL refuses while a replication slot points into it.
        String dropWhenReleased = "SELECT count(pg_drop_replication_slot(slot_name)) FROM pg_replication_slots"
                + " WHERE slot_name = '" + connector.slotName() + "' AND NOT active";
        String remaining = "SELECT count(*) FROM pg_replication_slots WHERE slot_name = '" + connector.slotName() + "'";
        Bounded.until(Duration.ofSeconds(30), "the connector releasing its replication slot",
                () -> query(dropWhenReleased) >= 0 && query(remaining) == 0, () -> "slot still there");
    }

    @Test
    void committedOutboxRowsReachKafkaOncePerVersionInOrderAndRolledBackOnesNever() throws Exception {
        Set<Long> orderIds = new HashSet<>(LongStream.rangeClosed(BEFORE_THE_CONNECTOR + 1, BEFORE_THE_CONNECTOR + 40)
                .boxed().toList());
        long started = System.nanoTime();
        inParallel(orderIds.stream().map(id -> (Runnable) () -> rowsBySql.live(id, 6, 3)).toList());
        long written = System.nanoTime();
        orderIds.add(BEFORE_THE_CONNECTOR);

        List<CommittedEvent> committed = CommittedEvent.of(database.dataSource(), orderIds);
        RelayCheck.Counts counts = RelayCheck.verify(topic.readUntilAllOf(idsOf(committed), RELAY_LIMIT), committed,
                rowsBySql.rolledBack(), orderIds);

        assertThat(counts.events()).isEqualTo(3 + 40 * 6);
        assertThat(counts.rolledBack()).isEqualTo(1 + 40 * 2);
        assertThat(topic.partitionCount()).as("partitions of the shipped topic configuration").isEqualTo(6);
        LOG.info("Outbox rows by SQL: {}; written in {} ms, all on Kafka {} ms later", counts, millis(started, written),
                millis(written, System.nanoTime()));
    }

    @Test
    void ordersLivedThroughTheUseCasesReachKafkaOncePerVersionInOrderAndNothingRolledBack() throws Exception {
        UseCases app = UseCases.wire(adapters.orderRepository(), adapters.restaurantCatalog(),
                adapters.idempotencyStore(), adapters.transactionRunner(), Clock.systemUTC(),
                UseCases.DEFAULT_IDEMPOTENCY_TTL);
        OrderLives lives = new OrderLives(app, adapters.transactionRunner());
        long started = System.nanoTime();
        inParallel(IntStream.range(0, ORDERS).mapToObj(n -> (Runnable) () -> lives.live(n)).toList());
        long written = System.nanoTime();

        Map<Long, Long> finalVersions = lives.finalVersions();
        List<CommittedEvent> committed = CommittedEvent.of(pool, finalVersions.keySet());
        assertThat(committed.stream().collect(Collectors.groupingBy(CommittedEvent::orderId, Collectors.counting())))
                .as("one outbox row per order version").isEqualTo(finalVersions);
        RelayCheck.Counts counts = RelayCheck.verify(topic.readUntilAllOf(idsOf(committed), RELAY_LIMIT),
                committed, Set.of(), finalVersions.keySet());

        OrderLives.Summary lived = lives.summary();
        assertThat(lived.orders()).isEqualTo(ORDERS);
        assertThat(lived.lostRaces()).as("one loser per race").isEqualTo(ORDERS / 10);
        assertThat(lived.rolledBack()).isEqualTo(2 * ORDERS / 10);
        assertThat(lived.cancelled()).isGreaterThanOrEqualTo(2 * ORDERS / 10);
        assertThat(lived.refused()).isEqualTo(lived.delivered());
        LOG.info("Orders through the use cases: {}; relayed: {}; lived in {} ms, all on Kafka {} ms later", lived,
                counts, millis(started, written), millis(written, System.nanoTime()));
    }

    private static long millis(long from, long to) {
        return Duration.ofNanos(to - from).toMillis();
    }

    private static void inParallel(List<Runnable> work) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            CompletableFuture.allOf(work.stream().map(w -> CompletableFuture.runAsync(w, threads))
                    .toArray(CompletableFuture[]::new)).get(WRITE_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
    }

    private static Set<UUID> idsOf(List<CommittedEvent> committed) {
        return committed.stream().map(CommittedEvent::id).collect(Collectors.toSet());
    }

    /** The file's statements, its comment lines left out. */
    private static List<String> statements(String script) {
        String code = script.lines().filter(line -> !line.startsWith("--")).collect(Collectors.joining("\n"));
        return Arrays.stream(code.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private long query(String sql) {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private String setting(String name) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SHOW " + name)) {
            result.next();
            return result.getString(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
