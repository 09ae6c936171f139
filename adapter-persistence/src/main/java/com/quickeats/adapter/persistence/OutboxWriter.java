package com.quickeats.adapter.persistence;

import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderEvent;
import com.quickeats.order.domain.OrderStatus;
import com.quickeats.order.domain.UserId;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Appends an order's new events to {@code order_outbox} (migration V4) and to its history ({@code order_events})
 * inside the very statement that writes the order, so the rows commit or roll back with the change they describe
 * and cost no round trip of their own. The statement names the order it wrote {@code written} (returning the
 * order's id, restaurant, customer and owner): no order written, no rows. Each outbox row gets a fresh id (what
 * consumers deduplicate by) and the columns the feed filters on; the restaurant's owner is the one stored on the
 * order.
 */
final class OutboxWriter {
    /** The parts of a data-modifying {@code WITH} that follow {@code written}; bound by {@link #bind}. */
    static final String EVENTS_AND_OUTBOX = """
            , events AS (
                INSERT INTO order_events (order_id, version, type, payload, actor, occurred_at)
                SELECT w.id, e.version, e.type, CAST(e.payload AS jsonb), e.actor, e.occurred_at
                  FROM written w
                 CROSS JOIN unnest(CAST(:event_versions AS bigint[]), CAST(:event_types AS text[]),
                                   CAST(:event_payloads AS text[]), CAST(:event_actors AS text[]),
                                   CAST(:event_times AS timestamptz[]))
                       AS e(version, type, payload, actor, occurred_at)
            ), outbox AS (
                INSERT INTO order_outbox (id, aggregateid, type, payload, order_id, version, status, previous_status,
                                          restaurant_id, customer_id, owner_id, rider_id, occurred_at)
                SELECT x.id, CAST(w.id AS text), x.type, CAST(x.payload AS jsonb), w.id, x.version, x.status,
                       x.previous_status, w.restaurant_id, w.customer_id, w.restaurant_owner_id, x.rider_id,
                       x.occurred_at
                  FROM written w
                 CROSS JOIN unnest(CAST(:outbox_ids AS uuid[]), CAST(:event_types AS text[]),
                                   CAST(:outbox_payloads AS text[]), CAST(:event_versions AS bigint[]),
                                   CAST(:outbox_statuses AS text[]), CAST(:outbox_previous_statuses AS text[]),
                                   CAST(:outbox_riders AS text[]), CAST(:event_times AS timestamptz[]))
                       AS x(id, type, payload, version, status, previous_status, rider_id, occurred_at)
            )""";

    private final JsonColumns eventPayloads;
    private final OutboxPayloads outboxPayloads;

    OutboxWriter(JsonColumns eventPayloads, OutboxPayloads outboxPayloads) {
        this.eventPayloads = eventPayloads;
        this.outboxPayloads = outboxPayloads;
    }

    /** Binds one history row and one outbox row per pending event of {@code order}. */
    void bind(NamedSql.Bound statement, Order order) throws SQLException {
        List<OrderEvent> events = order.pendingEvents();
        int n = events.size();
        long[] versions = new long[n];
        String[] types = new String[n];
        String[] payloads = new String[n];
        String[] actors = new String[n];
        String[] times = new String[n];
        String[] ids = new String[n];
        String[] outbox = new String[n];
        String[] statuses = new String[n];
        String[] previousStatuses = new String[n];
        String[] riders = new String[n];
        for (int i = 0; i < n; i++) {
            OrderEvent event = events.get(i);
            Order atVersion = OrderAtVersion.after(order, events, i);
            OrderStatus before = OrderAtVersion.statusBefore(event);
            versions[i] = event.version();
            types[i] = event.type();
            payloads[i] = eventPayloads.payloadOf(event);
            actors[i] = event.actor().value();
            times[i] = Timestamps.text(event.occurredAt());
            ids[i] = UUID.randomUUID().toString();
            outbox[i] = outboxPayloads.payloadOf(atVersion, event);
            statuses[i] = atVersion.status().wireName();
            previousStatuses[i] = before == null ? null : before.wireName();
            riders[i] = atVersion.riderId().map(UserId::value).orElse(null);
        }
        statement.set("event_versions", versions)
                .set("event_types", types)
                .set("event_payloads", payloads)
                .set("event_actors", actors)
                .set("event_times", times)
                .set("outbox_ids", ids)
                .set("outbox_payloads", outbox)
                .set("outbox_statuses", statuses)
                .set("outbox_previous_statuses", previousStatuses)
                .set("outbox_riders", riders);
    }
}
