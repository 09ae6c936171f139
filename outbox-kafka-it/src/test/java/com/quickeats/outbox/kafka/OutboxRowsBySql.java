package com.quickeats.outbox.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Writes outbox rows with plain SQL, one transaction per order change, the way the service does but without it:
 * proves the relay on its own. Each change commits, or first rolls back once and is then retried.
 */
final class OutboxRowsBySql {
    static final List<String> LIFE = List.of("order_placed", "order_paid", "order_accepted", "preparation_completed",
            "order_picked_up", "order_delivered");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INSERT = """
            INSERT INTO order_outbox (id, aggregateid, type, payload, order_id, version, status, restaurant_id,
                                      customer_id, owner_id, rider_id, occurred_at)
            VALUES (?, ?, ?, ?::jsonb, ?, ?, 'pending_payment', 1, 'customer-1', 'owner-1', NULL, ?)""";

    private final DataSource database;
    private final Set<UUID> rolledBack = ConcurrentHashMap.newKeySet();

    OutboxRowsBySql(DataSource database) {
        this.database = database;
    }

    /** Walks one order through {@code changes} events; every {@code rollBackEvery}-th change first rolls back. */
    void live(long orderId, int changes, int rollBackEvery) {
        for (int version = 1; version <= changes; version++) {
            if (rollBackEvery > 0 && version % rollBackEvery == 0) {
                write(orderId, version, false);
            }
            write(orderId, version, true);
        }
    }

    Set<UUID> rolledBack() {
        return Set.copyOf(rolledBack);
    }

    private void write(long orderId, int version, boolean commit) {
        UUID id = UUID.randomUUID();
        String type = LIFE.get((version - 1) % LIFE.size());
        Instant now = Instant.now();
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setObject(1, id);
                insert.setString(2, String.valueOf(orderId));
                insert.setString(3, type);
                insert.setString(4, payload(orderId, version, type, now));
                insert.setLong(5, orderId);
                insert.setLong(6, version);
                insert.setTimestamp(7, Timestamp.from(now));
                insert.executeUpdate();
            }
            if (commit) {
                connection.commit();
            } else {
                rolledBack.add(id);
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("writing outbox row " + orderId + "/" + version, e);
        }
    }

    /** §9's data: the event, and the order at that version. */
    private static String payload(long orderId, int version, String type, Instant at) {
        ObjectNode data = JSON.createObjectNode()
                .put("order_id", orderId).put("version", version).put("type", type)
                .put("actor", "customer-1").put("occurred_at", at.toString());
        data.putObject("order").put("id", orderId).put("version", version).put("note", "주문 " + orderId);
        return data.toString();
    }
}
