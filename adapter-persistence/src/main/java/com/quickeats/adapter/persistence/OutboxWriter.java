package com.quickeats.adapter.persistence;

import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderEvent;
import com.quickeats.order.domain.OrderStatus;
import com.quickeats.order.domain.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.statement.SqlStatement;

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
    <S extends SqlStatement<S>> S bind(S statement, Order order) {
        List<OrderEvent> events = order.pendingEvents();
        int n = events.size();
        List<Long> versions = new ArrayList<>(n);
        List<String> types = new ArrayList<>(n);
        List<String> payloads = new ArrayList<>(n);
        List<String> actors = new ArrayList<>(n);
        List<String> times = new ArrayList<>(n);
        List<String> ids = new ArrayList<>(n);
        List<String> outbox = new ArrayList<>(n);
        List<String> statuses = new ArrayList<>(n);
        List<String> previousStatuses = new ArrayList<>(n);
        List<String> riders = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            OrderEvent event = events.get(i);
            Order atVersion = OrderAtVersion.after(order, events, i);
            OrderStatus before = OrderAtVersion.statusBefore(event);
            versions.add(event.version());
            types.add(event.type());
            payloads.add(eventPayloads.payloadOf(event));
            actors.add(event.actor().value());
            times.add(Timestamps.storable(event.occurredAt()).toString());
            ids.add(UUID.randomUUID().toString());
            outbox.add(outboxPayloads.payloadOf(atVersion, event));
            statuses.add(atVersion.status().wireName());
            previousStatuses.add(before == null ? null : before.wireName());
            riders.add(atVersion.riderId().map(UserId::value).orElse(null));
        }
        return statement
                .bindArray("event_versions", Long.class, versions)
                .bindArray("event_types", String.class, types)
                .bindArray("event_payloads", String.class, payloads)
                .bindArray("event_actors", String.class, actors)
                .bindArray("event_times", String.class, times)
                .bindArray("outbox_ids", String.class, ids)
                .bindArray("outbox_payloads", String.class, outbox)
                .bindArray("outbox_statuses", String.class, statuses)
                .bindArray("outbox_previous_statuses", String.class, previousStatuses)
                .bindArray("outbox_riders", String.class, riders);
    }
}
