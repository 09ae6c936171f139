package com.quickeats.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.quickeats.bootstrap.e2e.EventStream;
import com.quickeats.order.domain.Role;
import com.quickeats.testing.postgres.TestDatabase;
import com.quickeats.testing.postgres.WithPostgres;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the service, each started by the real composition root, on one database: every change made
 * through one reaches a subscriber of the other, once, in each order's version order, well within a second.
 */
@WithPostgres
class TwoInstancesFeedTest {
    private static final String SECRET = "two-instances-share-this-secret-of-40-bytes";
    private static final int ORDERS = 100;
    private static final int WRITERS = 8;
    private static final List<String> STEPS = List.of("payment", "acceptance", "preparation-complete", "pickup");

    @Test
    void fiveHundredEventsWrittenThroughOneInstanceReachASubscriberOfTheOtherOnceAndWithinASecond(
            TestDatabase database) throws Exception {
        try (QuickEatsService writer = start(database); QuickEatsService reader = start(database)) {
            TokenIssuer tokens = new TokenIssuer(SECRET.getBytes(StandardCharsets.UTF_8), Clock.systemUTC());
            String admin = tokens.issue("admin-1", Role.ADMIN, Duration.ofHours(1));
            String owner = tokens.issue("owner-1", Role.RESTAURANT_OWNER, Duration.ofHours(1));
            String customer = tokens.issue("customer-1", Role.CUSTOMER, Duration.ofHours(1));
            String rider = tokens.issue("rider-1", Role.RIDER, Duration.ofHours(1));
            ApiClient api = new ApiClient(writer.baseUrl());
            long restaurant = api.post("/api/v2/restaurants", admin, null,
                    "{\"name\": \"국수집\", \"owner_id\": \"owner-1\"}").json().get("id").asLong();
            long item = api.post("/api/v2/restaurants/" + restaurant + "/menu-items", owner, null,
                    "{\"name\": \"잔치국수\", \"price\": 7000}").json().get("id").asLong();

            Map<String, Long> written = new ConcurrentHashMap<>();
            try (EventStream stream = EventStream.open(URI.create(reader.baseUrl()), "/api/v2/orders/stream", admin,
                    null)) {
                assertThat(stream.status()).isEqualTo(200);
                ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < ORDERS; i++) {
                    done.add(writers.submit(() -> walk(api, restaurant, item, customer, owner, rider, written)));
                }
                for (Future<?> future : done) {
                    future.get(120, TimeUnit.SECONDS);
                }
                writers.shutdown();

                List<EventStream.Event> events = stream.take(ORDERS * 5, Duration.ofSeconds(10));
                assertThat(events).extracting(e -> e.orderId() + "v" + e.version()).doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(written.keySet());
                Map<Long, Long> lastVersion = new ConcurrentHashMap<>();
                List<Long> delaysMs = new ArrayList<>();
                for (EventStream.Event event : events) {
                    long previous = lastVersion.getOrDefault(event.orderId(), 0L);
                    assertThat(event.version()).as("order %d", event.orderId()).isEqualTo(previous + 1);
                    lastVersion.put(event.orderId(), event.version());
                    delaysMs.add(TimeUnit.NANOSECONDS.toMillis(
                            event.receivedNanos() - written.get(event.orderId() + "v" + event.version())));
                }
                assertThat(delaysMs).allSatisfy(delay -> assertThat(delay).isLessThan(1_000));
                assertThat(stream.rest()).isEmpty();
            }
        }
    }

    /** Places one order and takes it to in_transit; records when each version's response arrived. */
    private static void walk(ApiClient api, long restaurant, long item, String customer, String owner, String rider,
                             Map<String, Long> written) {
        ApiClient.Reply placed = api.post("/api/v2/orders", customer, null, "{\"restaurant_id\": " + restaurant
                + ", \"items\": [{\"menu_item_id\": " + item + ", \"quantity\": 1}], \"delivery_address\": \"서울\"}",
                UUID.randomUUID().toString());
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        long id = placed.json().get("id").asLong();
        written.put(id + "v1", System.nanoTime());
        for (int v = 1; v <= STEPS.size(); v++) {
            String step = STEPS.get(v - 1);
            String token = step.equals("payment") ? customer : step.equals("pickup") ? rider : owner;
            String body = step.equals("payment") ? "{\"payment_method\": \"card\", \"amount\": 7000}" : null;
            ApiClient.Reply reply = api.post("/api/v2/orders/" + id + "/" + step, token, "\"order-" + id + "-v" + v
                    + "\"", body, UUID.randomUUID().toString());
            assertThat(reply.status()).as(step + ": " + reply.body()).isEqualTo(200);
            written.put(id + "v" + (v + 1), System.nanoTime());
        }
    }

    private static QuickEatsService start(TestDatabase database) {
        return ServiceOnTestDatabase.start(database, SECRET);
    }
}
