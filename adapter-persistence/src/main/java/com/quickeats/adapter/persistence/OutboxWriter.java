package com.quickeats.adapter.persistence;

import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderEvent;
import com.quickeats.order.domain.OrderStatus;
import com.quickeats.order.domain.UserId;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Appends an order's new events to {@code order_outbox} (migration V4) on the handle that writes the order, so
 * the rows commit or roll back with the change they describe. Each row gets a fresh id (what consumers
 * deduplicate by) and the columns the feed filters on; the restaurant's owner is the one stored on the order.
 */
final class OutboxWriter {
    private static final String INSERT = """
            INSERT INTO order_outbox (id, aggregateid, type, payload, order_id, version, status, previous_status,
                                      restaurant_id, customer_id, owner_id, rider_id, occurred_at)
            SELECT :id, CAST(o.id AS text), :type, CAST(:payload AS jsonb), o.id, :version, :status,
                   :previous_status, o.restaurant_id, o.customer_id, o.restaurant_owner_id, :rider_id, :occurred_at
              FROM orders o
             WHERE o.id = :order_id""";

    private final OutboxPayloads payloads;

    OutboxWriter(OutboxPayloads payloads) {
        this.payloads = payloads;
    }

    /** One row per pending event of {@code order}, whose row must already be written on {@code h}. */
    void append(Handle h, Order order) {
        List<OrderEvent> events = order.pendingEvents();
        if (events.isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch(INSERT);
        for (int i = 0; i < events.size(); i++) {
            OrderEvent event = events.get(i);
            Order atVersion = OrderAtVersion.after(order, events, i);
            OrderStatus before = OrderAtVersion.statusBefore(event);
            batch.bind("id", UUID.randomUUID())
                    .bind("type", event.type())
                    .bind("payload", payloads.payloadOf(atVersion, event))
                    .bind("order_id", order.id().value())
                    .bind("version", event.version())
                    .bind("status", atVersion.status().wireName())
                    .bind("previous_status", before == null ? null : before.wireName())
                    .bind("rider_id", atVersion.riderId().map(UserId::value).orElse(null))
                    .bind("occurred_at", event.occurredAt())
                    .add();
        }
        int[] inserted = batch.execute();
        for (int count : inserted) {
            if (count != 1) {
                throw new IllegalStateException("order " + order.id() + " has no stored row for its outbox events");
            }
        }
    }
}
