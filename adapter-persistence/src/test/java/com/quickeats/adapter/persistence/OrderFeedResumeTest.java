package com.quickeats.adapter.persistence;

import static com.quickeats.order.domain.testing.OrderBuilder.anOrder;
import static com.quickeats.order.domain.testing.RestaurantBuilder.aRestaurant;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.quickeats.order.application.OrderFeed;
import com.quickeats.order.application.port.in.FeedFilter;
import com.quickeats.order.application.port.in.FeedMessage;
import com.quickeats.order.application.port.in.FeedSink;
import com.quickeats.order.application.port.out.OrderRepository;
import com.quickeats.order.application.port.out.TransactionRunner;
import com.quickeats.order.domain.Actor;
import com.quickeats.order.domain.MenuItemId;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderId;
import com.quickeats.order.domain.PaymentMethod;
import com.quickeats.order.domain.Restaurant;
import com.quickeats.order.domain.Role;
import com.quickeats.order.domain.UserId;
import com.quickeats.testing.postgres.TestDatabase;
import com.quickeats.testing.postgres.WithPostgres;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The feed on the real outbox, with transactions committing out of the order they were numbered in: an event
 * is never handed out ahead of one that can still commit before it, so a subscriber that resumes from its last
 * event id gets everything it missed, once.
 */
@WithPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderFeedResumeTest {
    private static final byte[] SECRET = "a-feed-test-secret-of-more-than-32-bytes".getBytes(StandardCharsets.US_ASCII);
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final UserId CUSTOMER = UserId.of("customer-3");
    private static final Actor ADMIN = Actor.of("admin-1", Role.ADMIN);
    private static final MenuItemId NOODLES = MenuItemId.of(901);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Store store;
    private OrderRepository orders;
    private TransactionRunner transactions;
    private OrderFeed feed;
    private Restaurant restaurant;
    private final List<RuntimeException> failures = new CopyOnWriteArrayList<>();

    @BeforeAll
    void start(TestDatabase database) {
        store = Store.on(database);
        orders = store.adapters.orderRepository();
        transactions = store.adapters.transactionRunner();
        restaurant = aRestaurant().withId(90).ownedBy("owner-9").withEmptyMenu()
                .withMenuItem(NOODLES.value(), "냉면", 10_000).build();
        store.adapters.restaurantCatalog().add(restaurant);
        feed = OrderFeed.start(store.adapters.orderFeedSource(database.dataSource()), Clock.systemUTC(), SECRET,
                OrderFeed.Settings.standard(Duration.ofHours(1)), failures::add);
    }

    @AfterEach
    void theFeedNeverFailed() {
        assertThat(failures).isEmpty();
    }

    @AfterAll
    void stop() {
        feed.close();
        store.close();
    }

    @Test
    void anEventHeldBackByAnOlderOpenTransactionIsDeliveredAfterItInOrderAndAResumedSubscriberMissesNothing()
            throws Exception {
        CollectingSink watching = subscribe(Optional.empty());
        CollectingSink leaving = subscribe(Optional.empty());
        OrderId first = place();
        OrderId second = place();
        List<FeedMessage> placed = leaving.take(2, PATIENCE);
        assertThat(watching.take(2, PATIENCE)).isEqualTo(placed);

        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        CompletableFuture<Void> older = CompletableFuture.runAsync(() -> transactions.inTransaction(() -> {
            pay(first);
            written.countDown();
            await(mayCommit);
            return null;
        }));
        await(written);
        pay(second); // numbered after the open one, committed before it
        leaving.end(); // the client goes away holding the id of the last event it got
        String lastSeen = placed.get(1).id();
        mayCommit.countDown();
        older.get(10, TimeUnit.SECONDS);

        CollectingSink resumed = subscribe(Optional.of(lastSeen));
        List<FeedMessage> missed = resumed.take(2, PATIENCE);
        assertThat(missed).extracting(OrderFeedResumeTest::orderAndVersion)
                .containsExactly(first.value() + "v2", second.value() + "v2");
        assertThat(watching.take(2, PATIENCE)).isEqualTo(missed);

        OrderId third = place();
        List<FeedMessage> next = resumed.take(1, PATIENCE);
        assertThat(orderAndVersion(next.get(0))).isEqualTo(third.value() + "v1");
        assertThat(watching.take(1, PATIENCE)).isEqualTo(next);
        assertThat(resumed.rest()).isEmpty();
        assertThat(watching.rest()).isEmpty();
    }

    @Test
    void aSubscriberResumingFromLongAgoCatchesUpPageByPageThenFollowsTheTail() throws Exception {
        CollectingSink early = subscribe(Optional.empty());
        OrderId marker = place();
        String from = early.take(1, PATIENCE).get(0).id();
        for (int i = 0; i < 1_100; i++) {
            place();
        }
        List<FeedMessage> all = early.take(1_100, PATIENCE);

        CollectingSink late = subscribe(Optional.of(from));
        assertThat(late.take(1_100, PATIENCE)).isEqualTo(all);
        OrderId after = place();
        assertThat(orderAndVersion(late.take(1, PATIENCE).get(0))).isEqualTo(after.value() + "v1");
        assertThat(marker.value()).isLessThan(after.value());
    }

    @Test
    void aSubscriberThatStopsReadingIsCutOffAndHoldsNobodyElseBack() throws Exception {
        StalledSink stalled = new StalledSink(3);
        feed.subscribe(ADMIN, FeedFilter.NONE, Optional.empty(), stalled);
        CollectingSink reading = subscribe(Optional.empty());
        for (int i = 0; i < 10; i++) {
            place();
        }

        assertThat(reading.take(10, PATIENCE)).hasSize(10);
        assertThat(stalled.ended.await(10, TimeUnit.SECONDS)).as("the stalled subscriber was cut off").isTrue();
        assertThat(stalled.accepted.get()).isEqualTo(3);
    }

    /** A client that never reads: its buffer takes {@code capacity} events, then refuses. */
    private static final class StalledSink implements FeedSink {
        final CountDownLatch ended = new CountDownLatch(1);
        final AtomicInteger accepted = new AtomicInteger();
        private final int capacity;

        StalledSink(int capacity) {
            this.capacity = capacity;
        }

        @Override
        public boolean send(FeedMessage message) {
            if (ended.getCount() == 0 || accepted.get() >= capacity) {
                return false; // full: the feed must drop this subscriber
            }
            accepted.incrementAndGet();
            return true;
        }

        @Override
        public boolean keepAlive() {
            return ended.getCount() > 0;
        }

        @Override
        public int room() {
            return Math.max(0, capacity - accepted.get());
        }

        @Override
        public boolean isOpen() {
            return ended.getCount() > 0;
        }

        @Override
        public void end() {
            ended.countDown();
        }
    }

    private static String orderAndVersion(FeedMessage message) {
        try {
            JsonNode data = JSON.readTree(message.data());
            return data.get("order_id").asLong() + "v" + data.get("version").asLong();
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CollectingSink subscribe(Optional<String> lastEventId) {
        CollectingSink sink = new CollectingSink();
        feed.subscribe(ADMIN, FeedFilter.NONE, feed.resumePoint(lastEventId), sink);
        return sink;
    }

    private OrderId place() {
        Order order = anOrder().withId(orders.nextId()).from(restaurant).placedBy(CUSTOMER).withLine(NOODLES, 1)
                .placedAt(Instant.now()).build();
        orders.add(order, "k-" + order.id().value());
        return order.id();
    }

    private void pay(OrderId id) {
        Order order = orders.find(id).orElseThrow();
        order.pay(PaymentMethod.CARD, order.total(), CUSTOMER, Instant.now());
        orders.update(order);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("waited 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
