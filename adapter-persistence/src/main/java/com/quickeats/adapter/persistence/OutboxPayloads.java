package com.quickeats.adapter.persistence;

import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderEvent;

/**
 * Writes an outbox row's payload (contract §9's {@code data}): the event and the order exactly as the API
 * shows it at the event's version. The order's wire shape belongs to the HTTP adapter, so the composition root
 * hands its rendering in here: one source of truth for what an order looks like on the wire.
 */
@FunctionalInterface
public interface OutboxPayloads {
    /**
     * @param orderAtVersion the order as it stood right after {@code event} (its version is the event's)
     * @return a JSON object
     */
    String payloadOf(Order orderAtVersion, OrderEvent event);
}
