package com.quickeats.testing.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresServerTest {

    @Test
    void aDatabaseUrlKeepsTheServersHostAndParameters() {
        PostgresServer server = new PostgresServer("jdbc:postgresql://db:5433/postgres?sslmode=disable&tcpKeepAlive=true", "ci", "");

        assertThat(server.jdbcUrl("qe_x")).isEqualTo("jdbc:postgresql://db:5433/qe_x?sslmode=disable&tcpKeepAlive=true");
    }

    @Test
    void aServerUrlWithoutDatabaseIsAccepted() {
        assertThat(new PostgresServer("jdbc:postgresql://db", "ci", "").jdbcUrl("qe_x")).isEqualTo("jdbc:postgresql://db/qe_x");
    }

    @Test
    void onlyPostgresUrlsAreAccepted() {
        assertThatThrownBy(() -> new PostgresServer("jdbc:mysql://db/x", "ci", "")).hasMessageContaining("jdbc:mysql");
    }

    @Test
    void databaseNamesAreShortUniqueLowerCaseIdentifiers() {
        String hint = "A Very Long Test Class Name That Goes On And On Test";

        assertThat(PostgresServer.uniqueName(hint))
                .matches("qe_[a-z0-9_]+_[0-9a-f]{8}")
                .hasSizeLessThanOrEqualTo(63)
                .isNotEqualTo(PostgresServer.uniqueName(hint));
    }
}
