package com.quickeats.order.application.port.in;

/**
 * One event of the live feed as a client receives it (contract §9).
 *
 * @param id the opaque resume token for {@code Last-Event-ID}
 * @param type the order event's type, e.g. {@code order_paid}
 * @param data one line of JSON: the event and the order at its version
 */
public record FeedMessage(String id, String type, String data) {
}
