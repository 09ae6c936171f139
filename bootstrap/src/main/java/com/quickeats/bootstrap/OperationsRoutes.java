package com.quickeats.bootstrap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * What an operator needs beside the API, added to the HTTP adapter's Javalin app: health checks,
 * Prometheus metrics (with Jetty's thread pool), the OpenAPI document and its Swagger UI, request ids and
 * trace context ({@link RequestCorrelation}) and access logs, and a
 * graceful stop that lets in-flight requests finish.
 */
final class OperationsRoutes {
    /** How long a stop waits for in-flight requests before it cuts them off. */
    static final Duration GRACEFUL_STOP = Duration.ofSeconds(30);
    static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrometheusMeterRegistry registry;
    private final DatabaseGate database;
    private final Optional<OpenApiDocument> openApi;
    private final Optional<ApiDocsPage> docs;
    private final RequestTelemetry telemetry;

    OperationsRoutes(PrometheusMeterRegistry registry, DatabaseGate database, Optional<OpenApiDocument> openApi,
                     Optional<ApiDocsPage> docs) {
        this.registry = registry;
        this.database = database;
        this.openApi = openApi;
        this.docs = docs;
        this.telemetry = new RequestTelemetry(registry);
        Gauge.builder("quickeats.database.up", database, gate -> gate.open() ? 1 : 0)
                .description("1 while the database answers the background probe, 0 while API requests are shed")
                .register(registry);
    }

    /** Adds everything to the app's configuration; passed to the HTTP adapter as its extra routes. */
    void install(JavalinConfig config) {
        // Stopping, Jetty takes no new connections and waits for the requests in flight, up to the stop
        // timeout. (A connection that stays silent for a second while stopping is closed, as Jetty does.)
        config.jetty.modifyServer(server -> {
            server.insertHandler(new GracefulHandler());
            server.insertHandler(new RequestCorrelation());
            new JettyServerThreadPoolMetrics(server.getThreadPool(), List.of()).bindTo(registry);
            server.setStopTimeout(GRACEFUL_STOP.toMillis());
        });
        config.requestLogger.http(telemetry::record);
        config.routes.after(RequestIds::ensureOnResponse);

        config.routes.get("/health/live", ctx -> json(ctx, 200, Map.of("status", "up")));
        config.routes.get("/health/ready", this::ready);
        config.routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_CONTENT_TYPE).result(registry.scrape()));
        openApi.ifPresent(document -> {
            config.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(document.json()));
            config.routes.get("/openapi.yaml", ctx -> ctx.contentType("application/yaml").result(document.yaml()));
        });
        docs.ifPresent(page -> {
            config.routes.get(ApiDocsPage.PATH, page::page);
            config.routes.get(ApiDocsPage.PATH + "/initializer.js", page::initializer);
            config.routes.get(ApiDocsPage.ASSETS + "{file}", page::asset);
        });
    }

    /** From what the background probe last saw: answers at once, also while the database hangs. */
    private void ready(Context ctx) {
        DatabaseGate.State check = database.state();
        Map<String, Object> db = new LinkedHashMap<>();
        db.put("status", check.up() ? "up" : "down");
        db.put("latency_ms", check.latencyMillis());
        if (!check.up()) {
            db.put("error", check.error());
            ctx.header("Retry-After", "5");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", check.up() ? "up" : "down");
        body.put("checks", Map.of("database", db));
        json(ctx, check.up() ? 200 : 503, body);
    }

    private static void json(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").header("Cache-Control", "no-store")
                    .result(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
