package com.quickeats.order.domain.planted;

import com.quickeats.order.domain.OrderStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Breaks no rule: the JDK, the domain, and time from a clock that was handed in. No rule may report it. */
public final class InnocentDomainType {
    private InnocentDomainType() {
    }

    public static Instant stamp(Clock clock) {
        return Instant.now(clock);
    }

    public static List<OrderStatus> statuses() {
        return List.of(OrderStatus.values());
    }
}
