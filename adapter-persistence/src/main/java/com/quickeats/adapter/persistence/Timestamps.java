package com.quickeats.adapter.persistence;

import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * Instants in and out of {@code timestamptz} as UTC offsets, never through the JVM's time zone. PostgreSQL
 * keeps microseconds; finer digits are dropped on the way in (as the application's clock already does), so
 * that what is written reads back equal.
 */
final class Timestamps {
    private static final Instant POSTGRES_EPOCH = Instant.parse("2000-01-01T00:00:00Z");

    private Timestamps() {
    }

    static Instant storable(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Reads a {@code timestamptz} column. Once the driver has prepared a statement on the server, it receives
     * {@code timestamptz} in binary, 8 bytes of microseconds since 2000-01-01 UTC, decoded here: the driver's own
     * conversion builds a calendar for every result set. Before that it receives text (never 8 bytes long: at
     * least {@code 2000-01-01 00:00:00+00}), which the driver parses.
     */
    static Instant read(ResultSet rs, String column) throws SQLException {
        byte[] raw = rs.getBytes(column);
        if (raw == null) {
            return null;
        }
        if (raw.length == Long.BYTES) {
            return POSTGRES_EPOCH.plus(ByteBuffer.wrap(raw).getLong(), ChronoUnit.MICROS);
        }
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    /**
     * An instant as text for a {@code timestamptz} parameter of unspecified type, which the server parses (ISO
     * 8601, in UTC): binding a Java time object instead costs the driver a calendar per statement.
     */
    static String text(Instant instant) {
        return storable(instant).toString();
    }

    /** Binds {@link Instant} parameters as {@code timestamptz}. */
    static final class InstantArgumentFactory extends AbstractArgumentFactory<Instant> {
        InstantArgumentFactory() {
            super(Types.TIMESTAMP_WITH_TIMEZONE);
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            OffsetDateTime utc = storable(value).atOffset(ZoneOffset.UTC);
            return (position, statement, context) -> statement.setObject(position, utc);
        }
    }
}
