package com.quickeats.outbox.kafka;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** An outbox row that committed: what the relay owes Kafka. */
record CommittedEvent(UUID id, long orderId, long version, String type, String payload) {

    /** Every committed outbox row of these orders, read back from the database after the writers finished. */
    static List<CommittedEvent> of(DataSource database, Collection<Long> orderIds) {
        String sql = "SELECT id, order_id, version, type, payload::text FROM order_outbox WHERE order_id = ANY (?)";
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setArray(1, connection.createArrayOf("bigint", orderIds.toArray()));
            List<CommittedEvent> events = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    events.add(new CommittedEvent(rows.getObject(1, UUID.class), rows.getLong(2), rows.getLong(3),
                            rows.getString(4), rows.getString(5)));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the committed outbox rows", e);
        }
    }
}
