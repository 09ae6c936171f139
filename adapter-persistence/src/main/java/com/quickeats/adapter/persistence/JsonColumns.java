package com.quickeats.adapter.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quickeats.order.domain.Cancellation;
import com.quickeats.order.domain.Money;
import com.quickeats.order.domain.OrderEvent;
import com.quickeats.order.domain.Payment;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What goes into the {@code jsonb} columns. An event's payload is what that kind of event says beyond the
 * envelope columns (order, version, type, actor, time), in the API's snake_case and wire names, so that an
 * outbox relay can publish it as is; it is written by hand, not by reflection, so that renaming a Java field
 * never changes the stored format. A replayable response's headers are a flat JSON object of strings.
 */
final class JsonColumns {
    private final ObjectMapper json = new ObjectMapper();

    String payloadOf(OrderEvent event) {
        ObjectNode payload = json.createObjectNode();
        if (event instanceof OrderEvent.OrderPlaced placed) {
            payload.put("restaurant_id", placed.restaurantId().value());
            payload.put("total_amount", placed.total().amount());
            payload.put("currency", Money.CURRENCY);
        } else if (event instanceof OrderEvent.OrderPaid paid) {
            Payment payment = paid.payment();
            payload.put("payment_method", payment.method().wireName());
            payload.put("amount", payment.amount().amount());
            payload.put("paid_at", text(payment.paidAt()));
        } else if (event instanceof OrderEvent.OrderPickedUp pickedUp) {
            payload.put("rider_id", pickedUp.riderId().value());
        } else if (event instanceof OrderEvent.OrderCancelled cancelled) {
            Cancellation cancellation = cancelled.cancellation();
            payload.put("reason", cancellation.reason());
            payload.put("cancelled_by", cancellation.cancelledBy().wireName());
            payload.put("refund_due", cancellation.refundDue());
            payload.put("cancelled_at", text(cancellation.cancelledAt()));
        }
        // order_accepted, preparation_completed, order_delivered: the envelope says it all.
        return write(payload);
    }

    String headers(Map<String, String> headers) {
        return write(new TreeMap<>(headers));
    }

    Map<String, String> readHeaders(String stored) {
        try {
            return json.readValue(stored, json.getTypeFactory().constructMapType(TreeMap.class, String.class,
                    String.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored idempotency headers are not a JSON object of strings", e);
        }
    }

    private static String text(Instant instant) {
        return Timestamps.text(instant);
    }

    private String write(Object tree) {
        try {
            return json.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
