package com.quickeats.outbox.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.quickeats.adapter.persistence.PersistenceAdapters;
import com.quickeats.testing.postgres.TestDatabase;
import com.quickeats.testing.postgres.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
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

    private TestDatabase database;
    private OutboxConnector connector;
    private KafkaBroker broker;
    private ConnectWorker worker;
    private OrderEventsTopic topic;

    @BeforeAll
    void startTheRelay(TestDatabase database, @TempDir Path workDirectory) throws Exception {
        this.database = database;
        assertThat(setting("wal_level")).as("the test PostgreSQL must run with wal_level=logical").isEqualTo("logical");
        PersistenceAdapters.migrate(database.dataSource());
        connector = OutboxConnector.shippedFor(database);
        for (String statement : statements(Files.readString(OutboxConnector.deployFile("relay-setup.sql")))) {
            execute(statement); // one by one, as psql runs the file: a slot cannot be created after a write
        }
        broker = KafkaBroker.start(Files.createDirectory(workDirectory.resolve("kafka-logs")));
        worker = ConnectWorker.start(broker.bootstrapServers(), workDirectory.resolve("connect.offsets"));
        topic = new OrderEventsTopic(broker.bootstrapServers());
    }

    @AfterAll
    void stopTheRelay() throws Exception {
        if (topic != null) {
            topic.close();
        }
        if (worker != null) {
            worker.close();
        }
        if (broker != null) {
            broker.close();
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
        OutboxRowsBySql writer = new OutboxRowsBySql(database.dataSource());
        // Written after the slot exists but before the connector runs: the slot keeps them for it.
        writer.live(1_000_000, 3, 2);

        worker.run(connector.name(), connector.config());

        Set<Long> orderIds = new HashSet<>(LongStream.range(1_000_001, 1_000_041).boxed().toList());
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            CompletableFuture.allOf(orderIds.stream()
                    .map(id -> CompletableFuture.runAsync(() -> writer.live(id, 6, 3), writers))
                    .toArray(CompletableFuture[]::new)).get();
        } finally {
            writers.shutdown();
        }
        orderIds.add(1_000_000L);

        List<CommittedEvent> committed = CommittedEvent.of(database.dataSource(), orderIds);
        Set<UUID> expected = new HashSet<>(committed.stream().map(CommittedEvent::id).toList());
        RelayCheck.Counts counts = RelayCheck.verify(topic.readUntilAllOf(expected, RELAY_LIMIT), committed,
                writer.rolledBack(), orderIds);

        assertThat(counts.events()).isEqualTo(3 + 40 * 6);
        assertThat(counts.rolledBack()).isEqualTo(1 + 40 * 2);
        assertThat(topic.partitionCount()).as("partitions of the shipped topic configuration").isEqualTo(6);
        LOG.info("Outbox rows by SQL: {}", counts);
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
