package com.quickeats.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.quickeats.order.domain.Role;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service, wired by its own composition root, on a real PostgreSQL the test owns and stops under a
 * steady 500 requests a second: once the service knows the database is gone every API request is a fast 503
 * problem with {@code Retry-After}, readiness says so at once, liveness stays up, and service resumes within
 * about a second of the database's return.
 */
class DatabaseOutageTest {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageTest.class);
    private static final String SECRET = "outage-test-secret-0123456789abcdef";
    private static final int CLIENTS = 50;
    private static final int RATE = 500;
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private static final HttpClient HEALTH = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void apiRequestsAreShedFastWhileTheDatabaseIsDownAndServedAgainSoonAfterItReturns(@TempDir Path dataDir)
            throws Exception {
        try (EmbeddedDatabase database = new EmbeddedDatabase(dataDir.resolve("postgres"), 0, 100)) {
            database.start();
            Configuration configuration = Configuration.parse(List.of("--port", "0"), Map.of(
                    "QUICKEATS_DATABASE_URL", database.jdbcUrl(),
                    "QUICKEATS_DATABASE_USER", EmbeddedDatabase.USER,
                    "QUICKEATS_DATABASE_PASSWORD", database.password(),
                    "QUICKEATS_JWT_SECRET", SECRET));
            // Surefire captures stdout slowly: 500 access-log lines a second would time the capture, not
            // the service. (In production stdout goes to a file or a log collector.)
            ch.qos.logback.classic.Logger access = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("quickeats.access");
            ch.qos.logback.classic.Level level = access.getLevel();
            access.setLevel(ch.qos.logback.classic.Level.WARN);
            try (QuickEatsService service = QuickEatsService.start(configuration)) {
                run(service, database);
            } finally {
                access.setLevel(level);
            }
        }
    }

    private void run(QuickEatsService service, EmbeddedDatabase database) throws Exception {
        String token = new TokenIssuer(SECRET.getBytes(StandardCharsets.UTF_8), Clock.systemUTC())
                .issue("customer-1", Role.CUSTOMER, Duration.ofHours(1));
        URI ready = URI.create(service.baseUrl() + "/health/ready");
        URI live = URI.create(service.baseUrl() + "/health/live");
        // A gentle load while the database is up (this shared machine cannot serve 500 real queries a
        // second), the full rate from the moment it stops.
        try (SteadyLoad load = new SteadyLoad("127.0.0.1", service.port(), "/api/v2/restaurants",
                Map.of("Authorization", "Bearer " + token), CLIENTS, 50)) {
            load.start();
            assertThat(load.await(s -> s.status() == 200, Duration.ofSeconds(20))).as("served while up").isTrue();

            long stopped = System.nanoTime();
            load.offer(RATE);
            database.stop();
            long stoppedDone = System.nanoTime();
            assertThat(load.await(s -> s.sent() > stoppedDone && s.status() == 503 && s.latency() < 50_000_000,
                    Duration.ofSeconds(10))).as("a fast 503").isTrue();
            long known = System.nanoTime();
            Footprint atStart = Footprint.now();
            LOG.info("Database stopped in {} ms; requests shed {} ms after the stop began",
                    millis(stoppedDone - stopped), millis(known - stopped));

            List<Long> readyLatencies = new ArrayList<>();
            long outageEnds = stopped + OUTAGE.toNanos();
            while (System.nanoTime() < outageEnds) {
                long asked = System.nanoTime();
                HttpResponse<String> readiness = send(ready);
                readyLatencies.add(System.nanoTime() - asked);
                assertThat(readiness.statusCode()).isEqualTo(503);
                assertThat(send(live).statusCode()).isEqualTo(200);
                TimeUnit.MILLISECONDS.sleep(100); // paces the readiness checks; nothing is awaited here
            }

            long restarting = System.nanoTime();
            Footprint atEnd = Footprint.now();
            database.start();
            long restarted = System.nanoTime();
            assertThat(load.await(s -> s.sent() > restarted && s.status() == 200, Duration.ofSeconds(20)))
                    .as("served again after the restart").isTrue();
            long served = System.nanoTime();

            List<SteadyLoad.Sample> samples = load.samples();
            List<SteadyLoad.Sample> duringOutage = samples.stream()
                    .filter(s -> s.sent() >= stoppedDone && s.sent() + s.latency() < restarting).toList();
            List<SteadyLoad.Sample> whileKnownDown = duringOutage.stream().filter(s -> s.sent() >= known).toList();
            long firstServed = samples.stream().filter(s -> s.sent() > restarted && s.status() == 200)
                    .mapToLong(s -> s.sent() + s.latency()).min().orElseThrow();
            readyLatencies.sort(Comparator.naturalOrder());
            LOG.info("Outage: {} API requests answered while the database was down, {} once it was known down",
                    duringOutage.size(), whileKnownDown.size());
            LOG.info("Outage latency, all:             p50 {} ms, p99 {} ms, max {} ms",
                    percentile(duringOutage, 50), percentile(duringOutage, 99), percentile(duringOutage, 100));
            LOG.info("Outage latency, once known down: p50 {} ms, p99 {} ms, max {} ms",
                    percentile(whileKnownDown, 50), percentile(whileKnownDown, 99), percentile(whileKnownDown, 100));
            LOG.info("Readiness during the outage: {} checks, p50 {} ms, max {} ms", readyLatencies.size(),
                    millis(readyLatencies.get(readyLatencies.size() / 2)),
                    millis(readyLatencies.get(readyLatencies.size() - 1)));
            LOG.info("Database restarted in {} ms; first API request served {} ms after it was up",
                    millis(restarted - restarting), millis(firstServed - restarted));

            LOG.info("Heap in use {} MB once shedding, {} MB at the outage's end; threads {} and {}",
                    atStart.heapMegabytes(), atEnd.heapMegabytes(), atStart.threads(), atEnd.threads());

            assertThat(whileKnownDown).as("the load ran (starved on an overloaded machine, never zero)")
                    .hasSizeGreaterThan(300);
            assertThat(atEnd.threads()).as("threads do not pile up").isLessThan(atStart.threads() + 20);
            assertThat(duringOutage).allSatisfy(s -> {
                assertThat(s.status()).isEqualTo(503);
                assertThat(s.headers().get("content-type")).startsWith("application/problem+json");
                assertThat(s.headers()).containsKey("retry-after");
                assertThat(s.body()).contains("service-unavailable");
            });
            // Generous bounds: the machine is shared (load averages of 25-30 on 2 cores were seen); the
            // figures logged above are the measurement, in docs/operations.md.
            assertThat(percentile(whileKnownDown, 99)).as("p99 ms once known down").isLessThan(2_000);
            assertThat(millis(readyLatencies.get(readyLatencies.size() / 2))).as("readiness p50 ms").isLessThan(1_000);
            assertThat(millis(known - stopped)).as("ms to start shedding").isLessThan(5_000);
            assertThat(millis(firstServed - restarted)).as("ms to serve again").isLessThan(5_000);
        }
    }

    /** This JVM's (service and load together) heap in use and its threads. */
    private record Footprint(long heapMegabytes, int threads) {
        static Footprint now() {
            return new Footprint(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20,
                    ManagementFactory.getThreadMXBean().getThreadCount());
        }
    }

    private static HttpResponse<String> send(URI uri) {
        try {
            return HEALTH.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long percentile(List<SteadyLoad.Sample> samples, int percent) {
        long[] sorted = samples.stream().mapToLong(SteadyLoad.Sample::latency).sorted().toArray();
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1);
        return millis(sorted[Math.max(0, index)]);
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
