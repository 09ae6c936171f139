package com.quickeats.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The packaged jar on its embedded default, as one run after another on the same data directory: demo
 * start, an order's whole life over HTTP, SIGTERM during a request, a restart that finds yesterday's
 * orders, and a start after a crash. Each step builds on the one before.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedServiceIT {
    private static final Duration START_WITHIN = Duration.ofSeconds(90);
    private static final String ADDRESS = "서울시 강남구 테헤란로 1";

    private static Path dataDir;
    private static ServiceProcess service;
    private static ServiceProcess.Ready ready;
    private static ApiClient api;
    private static long restaurantId;
    private static long friedChickenId;
    private static long deliveredOrderId;
    private static long orderPlacedDuringStopId;
    private static String firstRunCustomerToken;

    @BeforeAll
    static void createDataDirectory() throws IOException {
        dataDir = Files.createTempDirectory("quickeats-it-");
    }

    @AfterAll
    static void cleanUp() {
        if (service != null) {
            service.close();
        }
        ServiceProcess.deleteQuietly(dataDir);
    }

    private static Map<String, String> embeddedDefault() {
        return Map.of("PORT", "0", "QUICKEATS_DATA_DIR", dataDir.toString());
    }

    /** Starts the jar on the shared data directory, after stopping what an earlier (failed) step left running. */
    private static void startService(String name) throws IOException {
        if (service != null) {
            service.close();
        }
        service = ServiceProcess.start(name, embeddedDefault());
        ready = service.awaitReady(START_WITHIN);
        api = new ApiClient(ready.baseUrl());
    }

    @Test
    @Order(1)
    void startsOnAnEmptyDataDirectoryPrintingATokenPerDemoUserAndTheUrls() throws IOException {
        startService("embedded-first");

        assertThat(ready.tokens()).containsOnlyKeys("customer-1", "owner-1", "rider-1", "admin-1");
        assertThat(service.stdout()).anySatisfy(line -> assertThat(line).contains("Console", ready.baseUrl() + "/"))
                .anySatisfy(line -> assertThat(line).contains("API docs", ready.baseUrl() + "/docs"));
        assertThat(Files.isDirectory(dataDir.resolve("postgres"))).isTrue();
        assertThat(api.get("/health/ready", null).status()).isEqualTo(200);
        assertThat(api.get("/health/live", null).status()).isEqualTo(200);
        assertThat(api.get("/", null).status()).as("the console").isEqualTo(200);

        JsonNode restaurants = api.get("/api/v2/restaurants", ready.token("customer-1")).json();
        JsonNode chicken = find(restaurants, "치킨집");
        restaurantId = chicken.path("id").asLong();
        JsonNode menu = api.get("/api/v2/restaurants/" + restaurantId, ready.token("customer-1")).json().path("menu");
        friedChickenId = find(menu, "후라이드치킨").path("id").asLong();
        firstRunCustomerToken = ready.token("customer-1");
    }

    @Test
    @Order(2)
    void walksAnOrderThroughItsWholeLifeWithThePrintedTokens() {
        String customer = ready.token("customer-1");
        String owner = ready.token("owner-1");
        String rider = ready.token("rider-1");

        ApiClient.Reply placed = api.post("/api/v2/orders", customer, null, placeOrderBody(2));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        assertThat(placed.header("X-Request-Id")).isPresent();
        deliveredOrderId = placed.json().path("id").asLong();
        long total = placed.json().path("total_amount").asLong();
        assertThat(total).isEqualTo(36_000);
        String order = "/api/v2/orders/" + deliveredOrderId;

        String paymentKey = "pay-" + deliveredOrderId;
        ApiClient.Reply paid = api.post(order + "/payment", customer, etag(placed),
                "{\"payment_method\": \"card\", \"amount\": " + total + "}", paymentKey);
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        ApiClient.Reply replay = api.post(order + "/payment", customer, etag(placed),
                "{\"payment_method\": \"card\", \"amount\": " + total + "}", paymentKey);
        assertThat(replay.header("Idempotent-Replayed")).contains("true");
        ApiClient.Reply accepted = api.post(order + "/acceptance", owner, etag(paid), null);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        ApiClient.Reply stale = api.post(order + "/preparation-complete", owner, etag(paid), null);
        assertThat(stale.status()).as(stale.body()).isEqualTo(412);
        ApiClient.Reply prepared = api.post(order + "/preparation-complete", owner, etag(accepted), null);
        assertThat(prepared.status()).as(prepared.body()).isEqualTo(200);
        ApiClient.Reply pickedUp = api.post(order + "/pickup", rider, etag(prepared), null);
        assertThat(pickedUp.status()).as(pickedUp.body()).isEqualTo(200);
        ApiClient.Reply delivered = api.post(order + "/delivery", rider, etag(pickedUp), null);
        assertThat(delivered.status()).as(delivered.body()).isEqualTo(200);
        assertThat(delivered.json().path("status").asText()).isEqualTo("delivered");
        assertThat(delivered.json().path("version").asLong()).isEqualTo(6);

        JsonNode events = api.get(order + "/events", customer).json();
        assertThat(events).hasSize(6);

        String metrics = api.get("/metrics", null).body();
        assertThat(metrics).contains("quickeats_order_transitions_total{action=\"delivery\"} 1")
                .contains("quickeats_orders_placed_total 1")
                .contains("quickeats_idempotency_replays_total{route=\"/api/v2/orders/{id}/payment\"} 1")
                .contains("quickeats_precondition_failed_total{route=\"/api/v2/orders/{id}/preparation-complete\"} 1")
                .contains("http_server_requests_seconds_count{method=\"POST\",outcome=\"SUCCESS\",route=\"/api/v2/orders\",status=\"201\"} 1")
                .contains("hikaricp_connections_active");
        assertThat(api.get("/openapi.json", null).json().path("openapi").asText()).startsWith("3.1");
        assertThat(api.get("/docs", null).body()).contains("swagger-ui");
    }

    @Test
    @Order(3)
    void sigtermLetsTheRequestInFlightFinishThenExitsZero() throws Exception {
        URI base = URI.create(ready.baseUrl());
        byte[] body = placeOrderBody(1).getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(40_000);
            OutputStream out = socket.getOutputStream();
            String head = "POST /api/v2/orders HTTP/1.1\r\n"
                    + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                    + "Authorization: Bearer " + ready.token("customer-1") + "\r\n"
                    + "Idempotency-Key: during-stop\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n"
                    + "Connection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 10); // the handler now waits for the rest of the body
            out.flush();
            Thread.sleep(500);

            service.terminate();
            CompletableFuture<Boolean> refusingNewConnections = CompletableFuture.supplyAsync(
                    () -> awaitNewConnectionsRefused(base, Duration.ofSeconds(5)));
            for (int sent = 10; sent < body.length; sent++) { // the rest trickles in while the service stops
                out.write(body[sent]);
                out.flush();
                Thread.sleep(20);
            }

            String response = readAll(socket.getInputStream());
            assertThat(response).as(response).startsWith("HTTP/1.1 201");
            assertThat(refusingNewConnections.get()).as("a stopping service takes no new connections").isTrue();
            int bodyStart = response.indexOf("\r\n\r\n") + 4;
            orderPlacedDuringStopId = new ObjectMapper()
                    .readTree(response.substring(bodyStart)).path("id").asLong();
        }

        assertThat(service.awaitExit(Duration.ofSeconds(45))).as(service.output()).isZero();
        assertThat(service.stdout()).anySatisfy(line -> assertThat(line).contains("Stopped"));
    }

    @Test
    @Order(4)
    void aRestartOnTheSameDataDirectoryFindsYesterdaysOrdersAndDuplicatesNoDemoData() throws IOException {
        startService("embedded-restart");
        String customer = ready.token("customer-1");

        ApiClient.Reply delivered = api.get("/api/v2/orders/" + deliveredOrderId, customer);
        assertThat(delivered.status()).as(delivered.body()).isEqualTo(200);
        assertThat(delivered.json().path("status").asText()).isEqualTo("delivered");
        ApiClient.Reply placedDuringStop = api.get("/api/v2/orders/" + orderPlacedDuringStopId, customer);
        assertThat(placedDuringStop.status()).isEqualTo(200);
        assertThat(placedDuringStop.json().path("status").asText()).isEqualTo("pending_payment");

        JsonNode restaurants = api.get("/api/v2/restaurants", customer).json();
        List<String> names = new ArrayList<>();
        restaurants.forEach(r -> names.add(r.path("name").asText()));
        assertThat(names).doesNotHaveDuplicates().contains("치킨집");
        assertThat(api.get("/api/v2/restaurants", firstRunCustomerToken).status())
                .as("a token of the last run's secret").isEqualTo(401);

        service.terminate();
        assertThat(service.awaitExit(Duration.ofSeconds(45))).isZero();
    }

    @Test
    @Order(5)
    void aStartAfterACrashRecoversTheDatabaseTheCrashedRunLeftRunning() throws IOException {
        startService("embedded-crash");
        service.kill();
        service.awaitExit(Duration.ofSeconds(10));

        startService("embedded-after-crash");
        ApiClient.Reply order = api.get("/api/v2/orders/" + deliveredOrderId, ready.token("customer-1"));
        assertThat(order.status()).isEqualTo(200);

        service.terminate();
        assertThat(service.awaitExit(Duration.ofSeconds(45))).isZero();
    }

    private static String placeOrderBody(int quantity) {
        return "{\"restaurant_id\": " + restaurantId + ", \"items\": [{\"menu_item_id\": " + friedChickenId
                + ", \"quantity\": " + quantity + "}], \"delivery_address\": \"" + ADDRESS + "\"}";
    }

    private static String etag(ApiClient.Reply reply) {
        return reply.header("ETag").orElseThrow(() -> new AssertionError("no ETag: " + reply.body()));
    }

    private static JsonNode find(JsonNode array, String name) {
        for (JsonNode node : array) {
            if (name.equals(node.path("name").asText())) {
                return node;
            }
        }
        throw new AssertionError("no '" + name + "' in " + array);
    }

    /** True once a fresh connection is refused (or answered 503), i.e. the service stopped accepting. */
    private static boolean awaitNewConnectionsRefused(URI base, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket(base.getHost(), base.getPort())) {
                probe.setSoTimeout(2_000);
                probe.getOutputStream().write(("GET /health/live HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                String answer = readAll(probe.getInputStream());
                if (answer.isEmpty() || answer.startsWith("HTTP/1.1 503")) {
                    return true;
                }
            } catch (ConnectException e) {
                return true;
            } catch (IOException e) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
