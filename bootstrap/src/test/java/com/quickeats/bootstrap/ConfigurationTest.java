package com.quickeats.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigurationTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    private static Configuration parse(Map<String, String> env, String... args) {
        return Configuration.parse(List.of(args), env);
    }

    @Nested
    class Defaults {
        @Test
        void nothingConfiguredMeansDemoModeOnTheEmbeddedDatabaseOnPort8000() {
            Configuration configuration = parse(Map.of());

            assertThat(configuration.port()).isEqualTo(8000);
            assertThat(configuration.bind()).isEqualTo("127.0.0.1");
            assertThat(configuration.database()).isEmpty();
            assertThat(configuration.poolSize()).isEqualTo(10);
            assertThat(configuration.jwtSecret()).isEmpty();
            assertThat(configuration.idempotencyTtl()).isEqualTo(Duration.ofHours(24));
            assertThat(configuration.dataDir()).isEqualTo(Path.of(".quickeats").toAbsolutePath().normalize());
            assertThat(configuration.embeddedDatabaseDirectory()).isEqualTo(configuration.dataDir().resolve("postgres"));
            assertThat(configuration.embeddedDatabasePort()).isZero();
            assertThat(configuration.logLevel()).isEqualTo("info");
            assertThat(configuration.demoMode()).isTrue();
        }

        @Test
        void aConfiguredSecretEndsDemoMode() {
            assertThat(parse(Map.of("QUICKEATS_JWT_SECRET", SECRET)).demoMode()).isFalse();
        }

        @Test
        void blankVariablesCountAsUnset() {
            assertThat(parse(Map.of("PORT", " ", "QUICKEATS_DATABASE_URL", "")).port()).isEqualTo(8000);
        }
    }

    @Nested
    class EnvironmentAndFlags {
        @Test
        void everySettingIsReadFromItsVariable() {
            Configuration configuration = parse(Map.of(
                    "PORT", "9000",
                    "QUICKEATS_BIND", "0.0.0.0",
                    "QUICKEATS_DATABASE_URL", "jdbc:postgresql://db:5432/quickeats",
                    "QUICKEATS_DATABASE_USER", "app",
                    "QUICKEATS_DATABASE_PASSWORD", "pw",
                    "QUICKEATS_DB_POOL_SIZE", "25",
                    "QUICKEATS_JWT_SECRET", SECRET,
                    "QUICKEATS_IDEMPOTENCY_TTL", "PT2H",
                    "QUICKEATS_DATA_DIR", "/var/lib/quickeats",
                    "QUICKEATS_EMBEDDED_DB_PORT", "55432"));

            assertThat(configuration.port()).isEqualTo(9000);
            assertThat(configuration.bind()).isEqualTo("0.0.0.0");
            assertThat(configuration.database()).contains(new Configuration.ExternalDatabase(
                    "jdbc:postgresql://db:5432/quickeats", Optional.of("app"), Optional.of("pw")));
            assertThat(configuration.poolSize()).isEqualTo(25);
            assertThat(configuration.jwtSecret()).contains(SECRET);
            assertThat(configuration.idempotencyTtl()).isEqualTo(Duration.ofHours(2));
            assertThat(configuration.dataDir()).isEqualTo(Path.of("/var/lib/quickeats"));
            assertThat(configuration.embeddedDatabasePort()).isEqualTo(55432);
            assertThat(configuration.demoMode()).isFalse();
        }

        @Test
        void aFlagOverridesItsVariableInBothSpellings() {
            Configuration configuration = parse(Map.of("PORT", "9000", "QUICKEATS_DB_POOL_SIZE", "3"),
                    "--port", "9100", "--db-pool-size=4", "--data-dir", "/tmp/qe", "--log-level", "DEBUG");

            assertThat(configuration.port()).isEqualTo(9100);
            assertThat(configuration.poolSize()).isEqualTo(4);
            assertThat(configuration.dataDir()).isEqualTo(Path.of("/tmp/qe"));
            assertThat(configuration.logLevel()).isEqualTo("debug");
        }

        @Test
        void portZeroPicksAFreePort() {
            assertThat(parse(Map.of(), "--port", "0").port()).isZero();
        }

        @Test
        void aLibpqStyleUrlBecomesJdbcWithItsCredentials() {
            Configuration configuration = parse(Map.of("QUICKEATS_JWT_SECRET", SECRET),
                    "--database-url", "postgresql://app:p%40ss@db.example:6543/orders?sslmode=require");

            assertThat(configuration.database()).contains(new Configuration.ExternalDatabase(
                    "jdbc:postgresql://db.example:6543/orders?sslmode=require", Optional.of("app"), Optional.of("p@ss")));
        }

        @Test
        void explicitCredentialsWinOverTheUrls() {
            Configuration configuration = parse(Map.of("QUICKEATS_JWT_SECRET", SECRET,
                    "QUICKEATS_DATABASE_USER", "other"), "--database-url", "postgres://app:pw@db/orders");

            assertThat(configuration.database().orElseThrow().user()).contains("other");
            assertThat(configuration.database().orElseThrow().password()).contains("pw");
            assertThat(configuration.database().orElseThrow().jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/orders");
        }

        @Test
        void passwordsNeverShowInTheDescription() {
            Configuration configuration = parse(Map.of("QUICKEATS_JWT_SECRET", SECRET,
                    "QUICKEATS_DATABASE_URL", "jdbc:postgresql://db/q?user=a&password=hunter2"));

            assertThat(configuration.toString()).doesNotContain("hunter2").doesNotContain(SECRET).contains("password=***");
        }
    }

    @Nested
    class Durations {
        @Test
        void shortAndIsoFormsAreAccepted() {
            assertThat(Configuration.parseDuration("24h")).contains(Duration.ofHours(24));
            assertThat(Configuration.parseDuration("90m")).contains(Duration.ofMinutes(90));
            assertThat(Configuration.parseDuration("30s")).contains(Duration.ofSeconds(30));
            assertThat(Configuration.parseDuration("1500ms")).contains(Duration.ofMillis(1500));
            assertThat(Configuration.parseDuration("7d")).contains(Duration.ofDays(7));
            assertThat(Configuration.parseDuration("PT24H")).contains(Duration.ofHours(24));
            assertThat(Configuration.parseDuration("pt30m")).contains(Duration.ofMinutes(30));
            assertThat(Configuration.parseDuration("P1D")).contains(Duration.ofDays(1));
            assertThat(Configuration.parseDuration("a day")).isEmpty();
        }
    }

    /** Each bad value fails with one line that names the setting and says what would do. */
    @Nested
    class BadValues {
        private void assertRefused(Map<String, String> env, List<String> args, String... expectedFragments) {
            assertThatThrownBy(() -> Configuration.parse(args, env))
                    .isInstanceOf(ConfigurationException.class)
                    .satisfies(e -> {
                        assertThat(e.getMessage()).doesNotContain("\n");
                        assertThat(e.getMessage()).contains(expectedFragments);
                    });
        }

        @Test
        void aPortThatIsNotANumber() {
            assertRefused(Map.of("PORT", "eighty"), List.of(), "PORT (--port)", "whole number", "'eighty'", "e.g. 8000");
        }

        @Test
        void aPortOutOfRange() {
            assertRefused(Map.of(), List.of("--port", "70000"), "PORT (--port)", "from 0 to 65535", "70000");
        }

        @Test
        void aPoolSizeOfZero() {
            assertRefused(Map.of("QUICKEATS_DB_POOL_SIZE", "0"), List.of(), "QUICKEATS_DB_POOL_SIZE", "from 1 to 500");
        }

        @Test
        void aShortSecret() {
            assertRefused(Map.of("QUICKEATS_JWT_SECRET", "too-short"), List.of(), "QUICKEATS_JWT_SECRET (--jwt-secret)",
                    "9 bytes", "at least 32 bytes", "openssl rand");
        }

        @Test
        void anExternalDatabaseWithoutASecret() {
            assertRefused(Map.of("QUICKEATS_DATABASE_URL", "jdbc:postgresql://db/q"), List.of(),
                    "QUICKEATS_JWT_SECRET", "is not set", "at least 32 bytes");
        }

        @Test
        void aDatabaseUrlOfAnotherKind() {
            assertRefused(Map.of("QUICKEATS_JWT_SECRET", SECRET), List.of("--database-url", "mysql://root:pw@db/q"),
                    "QUICKEATS_DATABASE_URL", "jdbc:postgresql://", "mysql://root:***@db/q");
        }

        @Test
        void aJdbcUrlWhosePortIsNoPort() {
            assertRefused(Map.of("QUICKEATS_JWT_SECRET", SECRET), List.of("--database-url", "jdbc:postgresql://db:notaport/q"),
                    "QUICKEATS_DATABASE_URL (--database-url) has port 'notaport'", "a number from 1 to 65535",
                    "'jdbc:postgresql://db:notaport/q'");
            assertRefused(Map.of("QUICKEATS_JWT_SECRET", SECRET), List.of("--database-url",
                    "jdbc:postgresql://a:5432,b:70000/q"), "has port '70000'");
        }

        @Test
        void aLibpqUrlWhosePortIsNoPortIsNotSaidToNameNoHost() {
            assertThatThrownBy(() -> Configuration.parse(List.of(), Map.of("QUICKEATS_JWT_SECRET", SECRET,
                    "QUICKEATS_DATABASE_URL", "postgresql://app:hunter2@db:notaport/q")))
                    .hasMessageContaining("has port 'notaport', but a port is a number from 1 to 65535")
                    .hasMessageContaining("postgresql://app:***@db:notaport/q")
                    .hasMessageNotContaining("names no host").hasMessageNotContaining("hunter2");
            assertRefused(Map.of("QUICKEATS_JWT_SECRET", SECRET, "QUICKEATS_DATABASE_URL", "postgresql://db:0/q"),
                    List.of(), "has port 0");
        }

        @Test
        void aLibpqUrlWithAnInvalidHostNameSaysSo() {
            assertRefused(Map.of("QUICKEATS_JWT_SECRET", SECRET, "QUICKEATS_DATABASE_URL", "postgresql://db_1:5432/q"),
                    List.of(), "has host 'db_1'", "not a valid host name");
        }

        @Test
        void aLibpqUrlWithoutAHostSaysSo() {
            assertRefused(Map.of("QUICKEATS_JWT_SECRET", SECRET, "QUICKEATS_DATABASE_URL", "postgresql:///q"),
                    List.of(), "names no host");
            assertRefused(Map.of("QUICKEATS_JWT_SECRET", SECRET, "QUICKEATS_DATABASE_URL", "postgresql://u:p@:5432/q"),
                    List.of(), "names no host");
        }

        @Test
        void credentialsWithoutAUrl() {
            assertRefused(Map.of("QUICKEATS_DATABASE_USER", "app"), List.of(), "QUICKEATS_DATABASE_URL", "is not");
        }

        @Test
        void aTtlThatIsNotADuration() {
            assertRefused(Map.of("QUICKEATS_IDEMPOTENCY_TTL", "forever"), List.of(), "QUICKEATS_IDEMPOTENCY_TTL",
                    "24h", "'forever'");
        }

        @Test
        void aZeroTtl() {
            assertRefused(Map.of(), List.of("--idempotency-ttl", "0s"), "QUICKEATS_IDEMPOTENCY_TTL", "at least one second");
        }

        @ParameterizedTest
        @ValueSource(strings = {"366d", "999999999d", "P999999999D", "PT9000H"})
        void aTtlBeyondAYear(String ttl) {
            assertRefused(Map.of("QUICKEATS_IDEMPOTENCY_TTL", ttl), List.of(), "QUICKEATS_IDEMPOTENCY_TTL",
                    "at most 365d", "'" + ttl + "'");
        }

        @Test
        void aTtlOfExactlyAYearIsAccepted() {
            assertThat(Configuration.parse(List.of("--idempotency-ttl", "365d"), Map.of("QUICKEATS_JWT_SECRET", SECRET))
                    .idempotencyTtl()).isEqualTo(Duration.ofDays(365));
        }

        @Test
        void anUnknownFlag() {
            assertRefused(Map.of(), List.of("--prot", "8000"), "unknown option --prot", "--help");
        }

        @Test
        void aFlagWithoutItsValue() {
            assertRefused(Map.of(), List.of("--port"), "--port needs a value");
        }

        @Test
        void aStrayArgument() {
            assertRefused(Map.of(), List.of("8000"), "unexpected argument '8000'");
        }

        @Test
        void anUnknownLogLevel() {
            assertRefused(Map.of("QUICKEATS_LOG_LEVEL", "loud"), List.of(), "QUICKEATS_LOG_LEVEL", "error, warn, info");
        }
    }
}
