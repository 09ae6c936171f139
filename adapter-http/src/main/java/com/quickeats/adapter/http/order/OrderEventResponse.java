package com.quickeats.adapter.http.order;

import com.quickeats.adapter.http.web.Timestamps;
import com.quickeats.order.application.port.out.RecordedEvent;

/** One entry of an order's history on the wire. */
public record OrderEventResponse(long sequence, String type, String occurredAt, String actor, long version) {
    public static OrderEventResponse of(RecordedEvent event) {
        return new OrderEventResponse(event.sequence(), event.type(), Timestamps.format(event.occurredAt()),
                event.actor().value(), event.version());
    }
}
