package com.quickeats.order.domain.planted;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.function.Supplier;

/** Every way of reading the machine's clock that the domain must not use. */
public final class DomainReadingTheClock {
    public Instant instantNow() {
        return Instant.now();
    }

    public LocalDateTime localDateTimeNow() {
        return LocalDateTime.now();
    }

    public long currentTimeMillis() {
        return System.currentTimeMillis();
    }

    public Clock systemUtc() {
        return Clock.systemUTC();
    }

    public Clock systemDefaultZone() {
        return Clock.systemDefaultZone();
    }

    public Supplier<Instant> methodReference() {
        return Instant::now;
    }
}
