package com.quickeats.adapter.http.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Timestamps on the wire: RFC 3339, UTC, with a {@code Z}. */
public final class Timestamps {
    private Timestamps() {
    }

    public static String format(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
