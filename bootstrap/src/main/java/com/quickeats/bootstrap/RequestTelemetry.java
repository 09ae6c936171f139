package com.quickeats.bootstrap;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each finished request leaves behind: one access-log line (logger {@code quickeats.access}, logfmt)
 * and its share of the metrics — latency per route, method and status; order transitions by action;
 * idempotent replays; failed preconditions (412) and unavailability (503).
 *
 * <p>The business counters are read off the response (status, route, {@code Idempotent-Replayed}), so the
 * use cases and the HTTP adapter stay free of metrics code. Every meter is built once per series and kept:
 * building and registering one costs more than the rest of a cached read (issue 10's profile).
 */
final class RequestTelemetry {
    private static final Logger ACCESS = LoggerFactory.getLogger("quickeats.access");
    /** {@code POST /api/v2/orders/{id}/payment} and its siblings: one order transition each. */
    private static final Pattern TRANSITION_ROUTE = Pattern.compile("/api/v2/orders/\\{[^}]+}/([a-z-]+)/?");
    private static final Set<String> TRANSITIONS = Set.of("payment", "acceptance", "preparation-complete", "pickup",
            "delivery", "cancellation");
    private static final String UNMATCHED = "unmatched";
    private static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2_500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Counter ordersPlaced;

    RequestTelemetry(MeterRegistry registry) {
        this.registry = registry;
        this.ordersPlaced = Counter.builder("quickeats.orders.placed").description("Orders placed").register(registry);
    }

    /** A Javalin request logger: called once per request, after the response is complete. */
    void record(Context ctx, Float executionMillis) {
        String method = ctx.method().name();
        String route = route(ctx);
        int status = ctx.statusCode();
        boolean replayed = "true".equalsIgnoreCase(ctx.res().getHeader("Idempotent-Replayed"));
        long nanos = executionMillis == null ? 0 : (long) (executionMillis * 1_000_000.0);

        timer(method, route, status).record(nanos, TimeUnit.NANOSECONDS);
        countBusinessOutcome(method, route, status, replayed);
        log(ctx, method, route, status, replayed, nanos);
    }

    private Timer timer(String method, String route, int status) {
        return timers.computeIfAbsent(method + ' ' + status + ' ' + route, key -> Timer.builder("http.server.requests")
                .description("HTTP requests by route, method and status")
                .tags("method", method, "route", route, "status", Integer.toString(status), "outcome", outcome(status))
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry));
    }

    private void countBusinessOutcome(String method, String route, int status, boolean replayed) {
        if (replayed) {
            counter("quickeats.idempotency.replays",
                    "Responses replayed from an earlier request with the same Idempotency-Key", "route", route);
        }
        if (status == 412) {
            counter("quickeats.precondition.failed",
                    "Requests refused with 412 because If-Match named an outdated version", "route", route);
        }
        if (status == 503) {
            counter("quickeats.unavailable",
                    "Requests answered 503 because the database was unreachable or the pool exhausted", "route", route);
        }
        if (replayed || !"POST".equals(method)) {
            return;
        }
        if (status == 201 && (route.equals("/api/v2/orders") || route.equals("/api/v2/orders/"))) {
            ordersPlaced.increment();
        }
        if (status == 200) {
            Matcher transition = TRANSITION_ROUTE.matcher(route);
            if (transition.matches() && TRANSITIONS.contains(transition.group(1))) {
                counter("quickeats.order.transitions", "Order state transitions that succeeded, by action",
                        "action", transition.group(1));
            }
        }
    }

    private void counter(String name, String description, String tag, String value) {
        counters.computeIfAbsent(name + ' ' + value, key -> Counter.builder(name).description(description)
                .tag(tag, value).register(registry)).increment();
    }

    private static void log(Context ctx, String method, String route, int status, boolean replayed, long nanos) {
        if (!ACCESS.isInfoEnabled()) {
            return;
        }
        long tenths = (nanos + 50_000) / 100_000;
        // request_id and trace_id come from the MDC (RequestCorrelation), on this line as on every other.
        StringBuilder line = new StringBuilder(160)
                .append("method=").append(method)
                .append(" path=");
        quote(line, ctx.path());
        line.append(" route=");
        quote(line, route);
        line.append(" status=").append(status)
                .append(" duration_ms=").append(tenths / 10).append('.').append(tenths % 10)
                .append(" client=").append(ctx.ip());
        if (replayed) {
            line.append(" replayed=true");
        }
        ACCESS.info(line.toString());
    }

    /** The route template ({@code /api/v2/orders/{id}}), never the raw path: that would explode the metric's series. */
    static String route(Context ctx) {
        try {
            Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
            return endpoint == null ? UNMATCHED : endpoint.path;
        } catch (RuntimeException e) {
            return UNMATCHED; // static files and requests that never reached the router
        }
    }

    private static String outcome(int status) {
        if (status >= 500) {
            return "SERVER_ERROR";
        }
        if (status >= 400) {
            return "CLIENT_ERROR";
        }
        return status >= 300 ? "REDIRECTION" : "SUCCESS";
    }

    /** A logfmt value in quotes: backslash and quote escaped, control characters as {@code ?}. */
    private static void quote(StringBuilder line, String text) {
        line.append('"');
        String safe = text == null ? "" : text;
        for (int i = 0; i < safe.length(); i++) {
            char c = safe.charAt(i);
            if (c == '\\' || c == '"') {
                line.append('\\').append(c);
            } else {
                line.append(Character.isISOControl(c) ? '?' : c);
            }
        }
        line.append('"');
    }
}
