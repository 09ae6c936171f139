package com.quickeats.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readiness follows the database: 503 (at once, from the probe's known state) while it is stopped, 200 again
 * once it is back, with no restart.
 */
class ReadinessTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Test
    void readinessTurns503WhileTheDatabaseIsStoppedAnd200AfterItIsBack(@TempDir Path dataDir) throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (EmbeddedDatabase database = new EmbeddedDatabase(dataDir.resolve("postgres"), 0, 100)) {
            database.start();
            try (HikariDataSource pool = ConnectionPool.open(database.jdbcUrl(), Optional.of(EmbeddedDatabase.USER),
                    Optional.of(database.password()), 2, registry, "test")) {
                DatabaseGate gate = DatabaseGate.start(ConnectionPool.probeConnector(database.jdbcUrl(),
                        Optional.of(EmbeddedDatabase.USER), Optional.of(database.password())));
                OperationsRoutes operations = new OperationsRoutes(registry, gate, Optional.empty(), Optional.empty());
                Javalin app = Javalin.create(operations::install).start("127.0.0.1", 0);
                try {
                    URI ready = URI.create("http://127.0.0.1:" + app.port() + "/health/ready");
                    assertThat(status(ready)).isEqualTo(200);

                    database.stop();
                    assertThat(awaitStatus(ready, 503, Duration.ofSeconds(5))).isEqualTo(503);
                    long asked = System.nanoTime();
                    HttpResponse<String> down = CLIENT.send(HttpRequest.newBuilder(ready).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(down.statusCode()).isEqualTo(503);
                    assertThat(down.body()).contains("\"status\":\"down\"");
                    assertThat(Duration.ofNanos(System.nanoTime() - asked)).as("answered from the known state")
                            .isLessThan(Duration.ofSeconds(1));

                    database.start();
                    assertThat(awaitStatus(ready, 200, Duration.ofSeconds(20))).isEqualTo(200);
                    assertThat(registry.scrape()).contains("hikaricp_connections_max{pool=\"quickeats\"} 2");
                } finally {
                    app.stop();
                    gate.close();
                }
            }
        }
    }

    private static int status(URI uri) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int awaitStatus(URI uri, int expected, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        int last;
        do {
            last = status(uri);
            if (last == expected) {
                return last;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return last;
    }
}
