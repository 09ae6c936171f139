package com.quickeats.adapter.http.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.quickeats.adapter.http.json.JsonMapping;
import com.quickeats.adapter.http.web.Timestamps;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderEvent;

/**
 * One order event as the live feed and the Kafka topic carry it (contract §9's {@code data}): the event, and
 * the order exactly as {@code GET /api/v2/orders/{id}} returns it at the event's version. Rendered once, when the
 * event is stored in the outbox; both channels then send the stored text as it is.
 */
public record OrderEventData(long orderId, long version, String type, String actor, String occurredAt,
                             OrderResponse order) {
    private static final ObjectMapper MAPPER = JsonMapping.mapper();

    /** @param orderAtVersion the order right after {@code event} */
    public static OrderEventData of(Order orderAtVersion, OrderEvent event) {
        if (orderAtVersion.version() != event.version() || !orderAtVersion.id().equals(event.orderId())) {
            throw new IllegalArgumentException("event " + event.type() + " v" + event.version() + " of order "
                    + event.orderId() + " rendered with order " + orderAtVersion.id() + " v" + orderAtVersion.version());
        }
        return new OrderEventData(event.orderId().value(), event.version(), event.type(), event.actor().value(),
                Timestamps.format(event.occurredAt()), OrderResponse.of(orderAtVersion));
    }

    /** The JSON text of {@link #of}: one line, snake_case. */
    public static String json(Order orderAtVersion, OrderEvent event) {
        try {
            return MAPPER.writeValueAsString(of(orderAtVersion, event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an order event could not be written as JSON", e);
        }
    }
}
