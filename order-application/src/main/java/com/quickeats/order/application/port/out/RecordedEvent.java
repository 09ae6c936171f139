package com.quickeats.order.application.port.out;

import com.quickeats.order.domain.UserId;
import java.time.Instant;

/** One stored entry of an order's history, numbered by {@code sequence} from 1. */
public record RecordedEvent(long sequence, String type, Instant occurredAt, UserId actor, long version) {
}
