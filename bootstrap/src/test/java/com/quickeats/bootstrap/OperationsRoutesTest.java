package com.quickeats.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operations routes on a bare Javalin app with stand-in API routes: metrics read off responses,
 * request ids, the OpenAPI document and the docs page, graceful stop. The database is a stand-in too;
 * {@link ReadinessTest} checks readiness against a real one.
 */
class OperationsRoutesTest {
    private static final String OPENAPI_YAML = """
            openapi: 3.1.0
            info:
              title: QuickEats
              version: "2"
            paths:
              /api/v2/orders:
                post:
                  responses:
                    "201":
                      description: created
            """;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static PrometheusMeterRegistry registry;
    private static Javalin app;
    private static DatabaseGate gate;

    @BeforeAll
    static void start() {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        gate = DatabaseGate.start(OperationsRoutesTest::noDatabase);
        OperationsRoutes operations = new OperationsRoutes(registry, gate,
                Optional.of(OpenApiDocument.fromYaml(OPENAPI_YAML)),
                ApiDocsPage.load(OperationsRoutesTest.class.getClassLoader()));
        app = Javalin.create(config -> {
            operations.install(config);
            config.routes.post("/api/v2/orders", ctx -> ctx.status(201));
            config.routes.post("/api/v2/orders/{id}/payment", OperationsRoutesTest::answerAsAsked);
            config.routes.post("/api/v2/orders/{id}/acceptance", OperationsRoutesTest::answerAsAsked);
            config.routes.get("/boom", ctx -> {
                throw new IllegalStateException("a bug");
            });
            config.routes.get("/slow", ctx -> {
                Thread.sleep(1_500);
                ctx.result("done");
            });
        }).start("127.0.0.1", 0);
    }

    /** Answers with the status the test asks for, replayed if it asks so. */
    private static void answerAsAsked(Context ctx) {
        ctx.status(Integer.parseInt(ctx.queryParamAsClass("status", String.class).getOrDefault("200")));
        if (ctx.queryParam("replayed") != null) {
            ctx.header("Idempotent-Replayed", "true");
        }
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.stop();
        }
        if (gate != null) {
            gate.close();
        }
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }

    @Test
    void livenessIsUpWhateverTheDatabase() throws Exception {
        HttpResponse<String> response = get("/health/live");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(JSON.readTree(response.body()).path("status").asText()).isEqualTo("up");
    }

    @Test
    void readinessIs503WithTheReasonWhenTheDatabaseCannotBeReached() throws Exception {
        HttpResponse<String> response = get("/health/ready");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("status").asText()).isEqualTo("down");
        assertThat(body.path("checks").path("database").path("error").asText()).contains("no database here");
    }

    @Test
    void metricsCountRequestsByRouteAndStatusAndTheBusinessOutcomes() throws Exception {
        post("/api/v2/orders");
        post("/api/v2/orders/7/payment");
        post("/api/v2/orders/7/payment?replayed");
        post("/api/v2/orders/7/acceptance?status=412");
        post("/api/v2/orders/8/acceptance");
        get("/no/such/thing");

        HttpResponse<String> response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(response.body())
                .contains("http_server_requests_seconds_count{method=\"POST\",outcome=\"SUCCESS\",route=\"/api/v2/orders/{id}/payment\",status=\"200\"} 2")
                .contains("http_server_requests_seconds_count{method=\"GET\",outcome=\"CLIENT_ERROR\",route=\"unmatched\",status=\"404\"}")
                .contains("http_server_requests_seconds_bucket{")
                .contains("quickeats_orders_placed_total 1")
                .contains("quickeats_order_transitions_total{action=\"payment\"} 1")
                .contains("quickeats_order_transitions_total{action=\"acceptance\"} 1")
                .contains("quickeats_idempotency_replays_total{route=\"/api/v2/orders/{id}/payment\"} 1")
                .contains("quickeats_precondition_failed_total{route=\"/api/v2/orders/{id}/acceptance\"} 1");
    }

    @Test
    void everyResponseCarriesARequestId() throws Exception {
        for (HttpResponse<String> response : java.util.List.of(get("/health/live"), get("/no/such/thing"), get("/boom"))) {
            assertThat(response.headers().firstValue(RequestIds.HEADER))
                    .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{16}"));
        }
    }

    @Test
    void aCallersSaneRequestIdIsKeptAndAnInsaneOneReplaced() throws Exception {
        HttpResponse<String> kept = CLIENT.send(HttpRequest.newBuilder(uri("/health/live"))
                .header(RequestIds.HEADER, "trace-42.a").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> replaced = CLIENT.send(HttpRequest.newBuilder(uri("/health/live"))
                .header(RequestIds.HEADER, "x".repeat(200)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(kept.headers().firstValue(RequestIds.HEADER)).contains("trace-42.a");
        assertThat(replaced.headers().firstValue(RequestIds.HEADER)).hasValueSatisfying(id -> assertThat(id).hasSize(16));
    }

    @Test
    void theOpenApiDocumentIsServedAsJsonAndAsYaml() throws Exception {
        HttpResponse<String> json = get("/openapi.json");
        HttpResponse<String> yaml = get("/openapi.yaml");

        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode document = JSON.readTree(json.body());
        assertThat(document.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(document.path("info").path("version").asText()).isEqualTo("2");
        assertThat(document.path("paths").path("/api/v2/orders").path("post").path("responses").has("201")).isTrue();
        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.body()).isEqualTo(OPENAPI_YAML);
    }

    @Test
    void theDocsPageIsSwaggerUiServedFromTheClasspath() throws Exception {
        HttpResponse<String> page = get("/docs");
        HttpResponse<String> bundle = get("/docs/assets/swagger-ui-bundle.js");
        HttpResponse<String> css = get("/docs/assets/swagger-ui.css");
        HttpResponse<String> initializer = get("/docs/initializer.js");
        HttpResponse<String> other = get("/docs/assets/index.html");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/docs/assets/swagger-ui-bundle.js", "/docs/initializer.js").doesNotContain("https://");
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.body()).hasSizeGreaterThan(100_000);
        assertThat(bundle.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(initializer.body()).contains("url: \"/openapi.json\"");
        assertThat(other.statusCode()).isEqualTo(404);
    }

    @Test
    void aStopLetsTheRequestInFlightFinish() throws Exception {
        java.util.concurrent.CountDownLatch arrived = new java.util.concurrent.CountDownLatch(1);
        Javalin second = Javalin.create(config -> {
            new OperationsRoutes(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), gate,
                    Optional.empty(), Optional.empty()).install(config);
            config.routes.get("/slow", ctx -> {
                arrived.countDown();
                Thread.sleep(1_500); // the request's own work, still going on when the stop begins
                ctx.result("done");
            });
        }).start("127.0.0.1", 0);
        URI slow = URI.create("http://127.0.0.1:" + second.port() + "/slow");
        CompletableFuture<HttpResponse<String>> inFlight = CLIENT.sendAsync(HttpRequest.newBuilder(slow).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(arrived.await(10, java.util.concurrent.TimeUnit.SECONDS)).as("the request reached its handler").isTrue();

        long stopping = System.nanoTime();
        second.stop();

        HttpResponse<String> response = inFlight.get();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("done");
        assertThat((System.nanoTime() - stopping) / 1_000_000).isGreaterThanOrEqualTo(800);
    }

    @Test
    void aStopWaitsForARequestWhoseBodyIsStillArriving() throws Exception {
        Javalin third = Javalin.create(config -> {
            new OperationsRoutes(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), gate,
                    Optional.empty(), Optional.empty()).install(config);
            config.routes.post("/upload", ctx -> ctx.result("got " + ctx.body().length()));
        }).start("127.0.0.1", 0);
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", third.port())) {
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 20\r\n"
                    + "Connection: close\r\n\r\n0123456789").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(300);
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(third::stop);
            for (int i = 0; i < 10; i++) { // the rest of the body trickles in over two seconds
                Thread.sleep(200);
                out.write('x');
                out.flush();
            }
            String response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

            assertThat(response).startsWith("HTTP/1.1 200").endsWith("got 20");
            stopping.get();
        }
    }

    /** A database that is never there. */
    private static java.sql.Connection noDatabase() throws SQLException {
        throw new SQLException("no database here");
    }
}
