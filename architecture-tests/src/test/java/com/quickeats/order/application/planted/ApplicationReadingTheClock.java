package com.quickeats.order.application.planted;

import java.time.Instant;

/** A use case that ignores the Clock it was given. */
public final class ApplicationReadingTheClock {
    public Instant now() {
        return Instant.now();
    }
}
