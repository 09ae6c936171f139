package com.quickeats.adapter.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderEvent;

/**
 * The outbox payload for this module's tests: the event's envelope and the few facts about the order at that
 * version the tests check. The service renders the full order through the HTTP adapter instead.
 */
final class MinimalPayloads implements OutboxPayloads {
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public String payloadOf(Order orderAtVersion, OrderEvent event) {
        ObjectNode payload = json.createObjectNode()
                .put("order_id", event.orderId().value())
                .put("version", event.version())
                .put("type", event.type())
                .put("actor", event.actor().value());
        payload.putObject("order")
                .put("id", orderAtVersion.id().value())
                .put("version", orderAtVersion.version())
                .put("status", orderAtVersion.status().wireName())
                .put("paid", orderAtVersion.payment().isPresent())
                .put("rider_id", orderAtVersion.riderId().map(r -> r.value()).orElse(null));
        return payload.toString();
    }
}
