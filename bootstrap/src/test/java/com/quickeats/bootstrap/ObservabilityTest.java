package com.quickeats.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an operator sees of a request, on the service started as {@code --log-format json} on its embedded
 * PostgreSQL: the access line is JSON with the request's ids, a caller's trace is continued and echoed,
 * a malformed {@code traceparent} starts a new trace, and /metrics has the JVM, Jetty and build meters.
 */
class ObservabilityTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    @TempDir
    static Path dataDir;
    private static QuickEatsService service;
    private static String customer;
    private static final BlockingQueue<String> ACCESS_LINES = new LinkedBlockingQueue<>();
    private static AppenderBase<ILoggingEvent> capture;

    @BeforeAll
    static void start() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Main.Launch launch = Main.launch(List.of("--port", "0", "--db-pool-size", "2", "--log-format", "json"),
                Map.of("QUICKEATS_DATA_DIR", dataDir.toString()),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(launch.service()).as(() -> "started: " + err.toString(StandardCharsets.UTF_8)).isPresent();
        service = launch.service().get();
        customer = service.demoTokens().stream().filter(t -> t.userId().equals("customer-1")).findFirst()
                .orElseThrow().token();
        capture = captureAccessLinesWithTheConsoleEncoder();
    }

    /** Access lines encoded by whatever encoder the console has now, on the thread that logs them. */
    private static AppenderBase<ILoggingEvent> captureAccessLinesWithTheConsoleEncoder() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        @SuppressWarnings("unchecked")
        Encoder<ILoggingEvent> console = ((OutputStreamAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME)
                .getAppender("STDOUT")).getEncoder();
        AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                ACCESS_LINES.add(new String(console.encode(event), StandardCharsets.UTF_8));
            }
        };
        appender.setContext(context);
        appender.start();
        context.getLogger("quickeats.access").addAppender(appender);
        return appender;
    }

    @AfterAll
    static void stop() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        if (capture != null) {
            context.getLogger("quickeats.access").detachAppender(capture);
        }
        if (service != null) {
            service.stop();
        }
        LogFormat.apply("text");
    }

    @Test
    void aCallersTraceIsContinuedEchoedAndOnTheJsonAccessLine() throws Exception {
        HttpResponse<String> response = get("/api/v2/restaurants", "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01");

        assertThat(response.statusCode()).isEqualTo(200);
        String requestId = response.headers().firstValue(RequestIds.HEADER).orElseThrow();
        String traceparent = response.headers().firstValue("traceparent").orElseThrow();
        assertThat(traceparent).matches("00-" + CALLER_TRACE + "-[0-9a-f]{16}-01").doesNotContain(CALLER_SPAN);

        JsonNode line = accessLineOf(requestId);
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("loggerName").asText()).isEqualTo("quickeats.access");
        assertThat(line.path("mdc").path("trace_id").asText()).isEqualTo(CALLER_TRACE);
        assertThat(line.path("mdc").path("span_id").asText()).isEqualTo(traceparent.substring(36, 52));
        assertThat(line.path("formattedMessage").asText()).contains("status=200", "route=\"/api/v2/restaurants\"");
    }

    @Test
    void aMalformedTraceparentStartsANewTraceInsteadOfFailing() throws Exception {
        for (String malformed : List.of("garbage", "00-" + CALLER_TRACE.toUpperCase() + "-" + CALLER_SPAN + "-01",
                "00-" + "0".repeat(32) + "-" + CALLER_SPAN + "-01", "ff-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01")) {
            HttpResponse<String> response = get("/api/v2/restaurants", malformed);

            assertThat(response.statusCode()).as(malformed).isEqualTo(200);
            String traceparent = response.headers().firstValue("traceparent").orElseThrow();
            assertThat(traceparent).as(malformed).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01").doesNotContain(CALLER_TRACE);
            String requestId = response.headers().firstValue(RequestIds.HEADER).orElseThrow();
            assertThat(accessLineOf(requestId).path("mdc").path("trace_id").asText()).isEqualTo(traceparent.substring(3, 35));
        }
    }

    @Test
    void metricsHaveTheJvmJettyAndBuildMeters() throws Exception {
        HttpResponse<String> metrics = get("/metrics", null);

        assertThat(metrics.body()).contains("jvm_gc_", "jvm_classes_loaded_classes", "jvm_info{",
                "jetty_threads_current", "jetty_threads_busy", "jvm_memory_used_bytes");
        assertThat(metrics.body()).containsPattern(
                "quickeats_build_info\\{commit=\"[^\"]+\",java_version=\"" + Pattern.quote(System.getProperty("java.version"))
                        + "\",version=\"[0-9][^\"]*\"} 1(\\.0)?\n");
    }

    private static JsonNode accessLineOf(String requestId) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String line = ACCESS_LINES.poll(1, TimeUnit.SECONDS);
            if (line != null) {
                JsonNode json = JSON.readTree(line);
                if (requestId.equals(json.path("mdc").path("request_id").asText())) {
                    return json;
                }
            }
        }
        throw new AssertionError("no JSON access line with request_id " + requestId);
    }

    private static HttpResponse<String> get(String path, String traceparent) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .header("Authorization", "Bearer " + customer);
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
