package com.quickeats.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole service in-process on its embedded default: what happens to API requests when the database
 * goes away or the pool runs dry, and a start on a port that is taken.
 */
class QuickEatsServiceTest {
    @TempDir
    static Path dataDir;
    private static QuickEatsService service;
    private static ApiClient api;
    private static String customer;

    @BeforeAll
    static void start() {
        Main.Launch launch = Main.launch(List.of("--port", "0", "--db-pool-size", "2"),
                Map.of("QUICKEATS_DATA_DIR", dataDir.toString()), quiet(), quiet());
        assertThat(launch.service()).as("started").isPresent();
        service = launch.service().get();
        api = new ApiClient(service.baseUrl());
        customer = service.demoTokens().stream().filter(t -> t.userId().equals("customer-1")).findFirst()
                .orElseThrow().token();
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.stop();
        }
    }

    @Test
    void demoModePrintsTokensThatTheApiAccepts() {
        assertThat(service.demoTokens()).extracting(QuickEatsService.DemoToken::userId)
                .containsExactly("customer-1", "owner-1", "rider-1", "admin-1");
        ApiClient.Reply restaurants = api.get("/api/v2/restaurants", customer);

        assertThat(restaurants.status()).isEqualTo(200);
        assertThat(restaurants.body()).contains("치킨집");
    }

    @Test
    void theConsoleIsServedAtTheRootAndOffersTheDemoUsersToThisMachine() {
        ApiClient.Reply page = api.get("/", null);
        ApiClient.Reply users = api.get("/console/demo-users", null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(users.status()).isEqualTo(200);
        assertThat(users.json()).hasSize(4);
        assertThat(users.json().get(0).path("sub").asText()).isEqualTo("customer-1");
        assertThat(users.json().get(0).path("role").asText()).isEqualTo("customer");
        assertThat(users.json().get(0).path("token").asText()).isEqualTo(customer);
        assertThat(api.get("/console/..%2Fconsole%2Findex.html", null).status()).isEqualTo(404);
        assertThat(api.get("/console/no-such-file.js", null).status()).isEqualTo(404);
    }

    @Test
    void whileTheDatabaseIsDownRequestsGet503PromptlyAndTheServiceRecoversByItself() {
        EmbeddedDatabase database = service.embeddedDatabase().orElseThrow();
        database.stop();
        try {
            long asked = System.nanoTime();
            ApiClient.Reply down = api.get("/api/v2/restaurants", customer);

            assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(6));
            assertThat(down.status()).as(down.body()).isEqualTo(503);
            assertThat(down.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(down.header("Retry-After")).isPresent();
            assertThat(down.json().path("type").asText()).isEqualTo("/problems/service-unavailable");
            // Readiness reports the background probe's verdict: down after its second failure in a row.
            assertThat(await(() -> api.get("/health/ready", null).status(), 503)).isEqualTo(503);
        } finally {
            database.start();
        }
        assertThat(await(() -> api.get("/api/v2/restaurants", customer).status(), 200)).isEqualTo(200);
        assertThat(api.get("/health/ready", null).status()).isEqualTo(200);
        assertThat(api.get("/metrics", null).body()).contains("quickeats_unavailable_total{route=\"/api/v2/restaurants\"}");
    }

    @Test
    void whenThePoolStaysExhaustedRequestsGet503WithinItsTimeout() throws Exception {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                held.add(service.dataSource().getConnection());
            }
            long asked = System.nanoTime();
            ApiClient.Reply busy = api.get("/api/v2/restaurants", customer);

            assertThat(busy.status()).as(busy.body()).isEqualTo(503);
            assertThat(busy.header("Retry-After")).isPresent();
            assertThat(Duration.ofNanos(System.nanoTime() - asked))
                    .isGreaterThanOrEqualTo(ConnectionPool.CONNECTION_TIMEOUT.minusMillis(100))
                    .isLessThan(Duration.ofSeconds(6));
            assertThat(busy.body()).contains("/problems/service-unavailable");
            ApiClient.Reply write = api.post("/api/v2/orders", customer, null, "{\"restaurant_id\": 1, \"items\": "
                    + "[{\"menu_item_id\": 1, \"quantity\": 1}], \"delivery_address\": \"x\"}", "during-exhaustion");
            assertThat(write.status()).as(write.body()).isEqualTo(503);
            assertThat(write.body()).contains("/problems/service-unavailable");
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        assertThat(api.get("/api/v2/restaurants", customer).status()).isEqualTo(200);
    }

    @Test
    void aSecondServiceOnATakenPortEndsWithOneLineAndLeavesNothingRunning(@TempDir Path otherDir) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Main.Launch second = Main.launch(List.of("--port", Integer.toString(service.port())),
                Map.of("QUICKEATS_DATA_DIR", otherDir.toString()), quiet(),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(second.exitCode()).isEqualTo(Main.EXIT_STARTUP_FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).doesNotContain("\n")
                .startsWith("quickeats: cannot listen on 127.0.0.1:" + service.port())
                .contains("PORT (--port)");
        // Its embedded database was stopped again: the directory can be used at once.
        EmbeddedDatabase reuse = new EmbeddedDatabase(otherDir.resolve("postgres"), 0, 100);
        reuse.start();
        reuse.stop();
    }

    @Test
    void aSecondServiceOnADataDirectoryInUseIsRefused() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Main.Launch second = Main.launch(List.of("--port", "0"), Map.of("QUICKEATS_DATA_DIR", dataDir.toString()),
                quiet(), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(second.exitCode()).isEqualTo(Main.EXIT_STARTUP_FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is in use by another running QuickEats");
    }

    private static <T> T await(Supplier<T> probe, T expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        T last = probe.get();
        while (!expected.equals(last) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            last = probe.get();
        }
        return last;
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
