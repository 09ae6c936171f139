package com.quickeats.bootstrap;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * {@code %utcTimestamp} in logback.xml: when a line was logged, RFC 3339 in UTC to the millisecond
 * ({@code 2026-12-01T06:10:34.690Z}). It is what {@code %d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z',UTC}} writes, but
 * that runs a {@link DateTimeFormatter} for every millisecond, which under load is every access-log line;
 * here the formatter runs once a second and the milliseconds are appended.
 */
public final class LogTimestamp extends ClassicConverter {
    private static final DateTimeFormatter UP_TO_SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** The formatted second last seen, shared by the threads that log: one immutable pair, swapped whole. */
    private volatile Second last = new Second(Long.MIN_VALUE, "");

    private record Second(long epochSecond, String text) {
    }

    @Override
    public String convert(ILoggingEvent event) {
        return format(event.getTimeStamp());
    }

    String format(long epochMillis) {
        long epochSecond = Math.floorDiv(epochMillis, 1000L);
        Second second = last;
        if (second.epochSecond() != epochSecond) {
            second = new Second(epochSecond, UP_TO_SECONDS.format(Instant.ofEpochSecond(epochSecond)));
            last = second;
        }
        int millis = (int) Math.floorMod(epochMillis, 1000L);
        StringBuilder text = new StringBuilder(24).append(second.text());
        if (millis < 100) {
            text.append('0');
        }
        if (millis < 10) {
            text.append('0');
        }
        return text.append(millis).append('Z').toString();
    }
}
