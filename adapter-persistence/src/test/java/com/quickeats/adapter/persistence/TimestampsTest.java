package com.quickeats.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.quickeats.testing.postgres.TestDatabase;
import com.quickeats.testing.postgres.WithPostgres;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The driver hands a {@code timestamptz} over as text until it has prepared the statement on the server, then in
 * binary; {@link Timestamps} reads both and binds instants as text, and what is written reads back equal either
 * way, before 2000 (negative in the binary form) and after.
 */
@WithPostgres
class TimestampsTest {
    private static final String ROUND_TRIP = "SELECT CAST(? AS timestamptz) AS t, CAST(NULL AS timestamptz) AS nothing";

    @Test
    void anInstantReadsBackEqualInTheDriversTextAndBinaryForms(TestDatabase database) throws SQLException {
        List<Instant> instants = List.of(Instant.parse("2026-12-01T06:47:00.123456Z"),
                Instant.parse("1999-12-31T23:59:59.999999Z"), Instant.parse("2000-01-01T00:00:00Z"),
                Instant.parse("1970-01-01T00:00:00.000001Z"));
        List<Integer> rawLengths = new ArrayList<>();
        try (HikariDataSource pool = Store.pool(database, 1); Connection connection = pool.getConnection()) {
            for (int round = 0; round < 10; round++) {
                for (Instant instant : instants) {
                    try (PreparedStatement statement = connection.prepareStatement(ROUND_TRIP)) {
                        statement.setObject(1, Timestamps.text(instant), java.sql.Types.OTHER);
                        try (ResultSet rs = statement.executeQuery()) {
                            rs.next();
                            rawLengths.add(rs.getBytes("t").length);
                            assertThat(Timestamps.read(rs, "t")).as("round %d", round).isEqualTo(instant);
                            assertThat(Timestamps.read(rs, "nothing")).isNull();
                        }
                    }
                }
            }
        }
        assertThat(rawLengths).as("the driver's forms: text at first, 8 binary bytes once prepared on the server")
                .contains(Long.BYTES).anyMatch(length -> length > Long.BYTES);
    }

    @Test
    void finerDigitsThanMicrosecondsAreDroppedOnTheWayIn() {
        assertThat(Timestamps.text(Instant.parse("2026-12-01T06:47:00.123456789Z")))
                .isEqualTo("2026-12-01T06:47:00.123456Z");
    }
}
