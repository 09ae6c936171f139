package com.quickeats.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.quickeats.order.domain.Role;
import com.quickeats.testing.postgres.TestDatabase;
import com.quickeats.testing.postgres.WithPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar against an existing PostgreSQL: no embedded database, no demo, the configured secret. */
@WithPostgres
class ExternalDatabaseIT {
    private static final String SECRET = "it-secret-that-is-long-enough-for-hs256-0123456789";

    @Test
    void runsOnTheConfiguredDatabaseWithTheConfiguredSecret(TestDatabase database, @TempDir Path dataDir) throws IOException {
        try (ServiceProcess service = ServiceProcess.start("external", Map.of(
                "PORT", "0",
                "QUICKEATS_DATA_DIR", dataDir.toString(),
                "QUICKEATS_DATABASE_URL", database.jdbcUrl(),
                "QUICKEATS_DATABASE_USER", database.user(),
                "QUICKEATS_DATABASE_PASSWORD", database.password(),
                "QUICKEATS_JWT_SECRET", SECRET,
                "QUICKEATS_DB_POOL_SIZE", "4"))) {
            ServiceProcess.Ready ready = service.awaitReady(Duration.ofSeconds(60));
            ApiClient api = new ApiClient(ready.baseUrl());

            assertThat(ready.tokens()).as("no demo tokens outside demo mode").isEmpty();
            assertThat(Files.exists(dataDir.resolve("postgres"))).as("no embedded database").isFalse();
            assertThat(api.get("/health/ready", null).status()).isEqualTo(200);
            assertThat(api.get("/api/v2/restaurants", issue("customer-9", Role.CUSTOMER)).json()).as("no demo data").isEmpty();

            ApiClient.Reply created = api.post("/api/v2/restaurants", issue("admin-9", Role.ADMIN), null,
                    "{\"name\": \"외부 김밥\", \"owner_id\": \"owner-9\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(api.get("/metrics", null).body()).contains("hikaricp_connections_max{pool=\"quickeats\"} 4");

            service.terminate();
            assertThat(service.awaitExit(Duration.ofSeconds(45))).as(service.output()).isZero();
        }
    }

    private static String issue(String user, Role role) {
        return new TokenIssuer(SECRET.getBytes(StandardCharsets.UTF_8), Clock.systemUTC()).issue(user, role, Duration.ofMinutes(10));
    }
}
