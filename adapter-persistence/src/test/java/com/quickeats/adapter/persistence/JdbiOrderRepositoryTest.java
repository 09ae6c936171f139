package com.quickeats.adapter.persistence;

import static com.quickeats.adapter.persistence.SameOrder.assertLoadedAs;
import static com.quickeats.order.domain.testing.OrderBuilder.anOrder;
import static com.quickeats.order.domain.testing.RestaurantBuilder.aRestaurant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.quickeats.order.application.port.out.DuplicateOrderException;
import com.quickeats.order.application.port.out.OrderRepository;
import com.quickeats.order.application.port.out.RecordedEvent;
import com.quickeats.order.application.port.out.StaleOrderException;
import com.quickeats.order.application.port.out.TransactionRunner;
import com.quickeats.order.domain.CancelledBy;
import com.quickeats.order.domain.MenuItemId;
import com.quickeats.order.domain.Money;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderId;
import com.quickeats.order.domain.OrderStatus;
import com.quickeats.order.domain.PaymentMethod;
import com.quickeats.order.domain.Restaurant;
import com.quickeats.order.domain.UserId;
import com.quickeats.order.domain.testing.OrderBuilder;
import com.quickeats.testing.postgres.TestDatabase;
import com.quickeats.testing.postgres.WithPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@WithPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbiOrderRepositoryTest {
    private static final UserId CUSTOMER = UserId.of("고객-김민수");
    private static final String RIDER = "라이더-7";
    private static final String ADDRESS = "서울특별시 마포구 월드컵북로 396, 누리꿈스퀘어 비즈니스타워 10층";
    private static final MenuItemId BULGOGI = MenuItemId.of(501);
    private static final MenuItemId KIMCHI_STEW = MenuItemId.of(502);
    private static final MenuItemId RICE = MenuItemId.of(503);

    private Store store;
    private OrderRepository orders;
    private TransactionRunner transactions;
    private Restaurant restaurant;

    @BeforeAll
    void migrate(TestDatabase database) {
        store = Store.on(database);
        orders = store.adapters.orderRepository();
        transactions = store.adapters.transactionRunner();
        restaurant = aRestaurant().withId(50).named("한식당 🍚").ownedBy("사장님-1").withEmptyMenu()
                .withMenuItem(BULGOGI.value(), "불고기 정식", 15_000)
                .withMenuItem(KIMCHI_STEW.value(), "김치찌개", 9_000)
                .withMenuItem(RICE.value(), "공기밥", 1_000)
                .build();
        store.adapters.restaurantCatalog().add(restaurant);
    }

    @AfterAll
    void close() {
        store.close();
    }

    static Stream<Arguments> everyKindOfOrder() {
        return Stream.of(
                kind("pending_payment", b -> b),
                kind("pending_acceptance, paid by card", b -> b.inStatus(OrderStatus.PENDING_ACCEPTANCE)),
                kind("pending_acceptance, paid by bank transfer",
                        b -> b.inStatus(OrderStatus.PENDING_ACCEPTANCE).paidWith(PaymentMethod.BANK_TRANSFER)),
                kind("preparing, paid with mobile pay",
                        b -> b.inStatus(OrderStatus.PREPARING).paidWith(PaymentMethod.MOBILE_PAY)),
                kind("ready_for_pickup, paid with points",
                        b -> b.inStatus(OrderStatus.READY_FOR_PICKUP).paidWith(PaymentMethod.POINT)),
                kind("in_transit", b -> b.inStatus(OrderStatus.IN_TRANSIT).pickedUpBy(RIDER)),
                kind("delivered", b -> b.inStatus(OrderStatus.DELIVERED).pickedUpBy(RIDER)),
                kind("cancelled before paying, no reason", OrderBuilder::cancelledBeforePaying),
                kind("cancelled after paying, with a Korean reason",
                        b -> b.cancelledAfterPaying().withCancelReason("주소를 잘못 입력했어요 😢")),
                kind("declined by the restaurant",
                        b -> b.declinedByRestaurant().withCancelReason("재료가 모두 소진되었습니다")));
    }

    private static Arguments kind(String name, UnaryOperator<OrderBuilder> shape) {
        return Arguments.of(name, shape);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKindOfOrder")
    void everyFieldOfAnOrderSurvivesTheRoundTrip(String kind, UnaryOperator<OrderBuilder> shape) {
        Order order = shape.apply(aKoreanOrder()).build();

        orders.add(order, "key-" + UUID.randomUUID());

        assertLoadedAs(orders.find(order.id()).orElseThrow(), order);
        assertThat(orders.history(order.id())).extracting(RecordedEvent::version)
                .containsExactlyElementsOf(versionsUpTo(order.version()));
    }

    @Test
    void anOrderWalkedThroughItsLifeIsStoredAtEveryStep() {
        Order placed = aKoreanOrder().build();
        orders.add(placed, "walk");
        Instant t = placed.createdAt();
        UserId owner = restaurant.ownerId();
        UserId rider = UserId.of(RIDER);

        Order paid = step(placed.id(), o -> o.pay(PaymentMethod.CARD, o.total(), CUSTOMER, t.plusSeconds(60)));
        assertThat(paid.payment()).hasValueSatisfying(p -> assertThat(p.amount()).isEqualTo(Money.won(41_000)));
        step(placed.id(), o -> o.accept(owner, t.plusSeconds(120)));
        step(placed.id(), o -> o.completePreparation(owner, t.plusSeconds(180)));
        Order pickedUp = step(placed.id(), o -> o.pickUp(rider, t.plusSeconds(240)));
        assertThat(pickedUp.riderId()).contains(rider);
        Order delivered = step(placed.id(), o -> o.deliver(rider, t.plusSeconds(300)));

        assertThat(delivered.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(delivered.version()).isEqualTo(6);
        assertThat(orders.history(placed.id())).containsExactly(
                new RecordedEvent(1, "order_placed", t, CUSTOMER, 1),
                new RecordedEvent(2, "order_paid", t.plusSeconds(60), CUSTOMER, 2),
                new RecordedEvent(3, "order_accepted", t.plusSeconds(120), owner, 3),
                new RecordedEvent(4, "preparation_completed", t.plusSeconds(180), owner, 4),
                new RecordedEvent(5, "order_picked_up", t.plusSeconds(240), rider, 5),
                new RecordedEvent(6, "order_delivered", t.plusSeconds(300), rider, 6));
    }

    /** Loads the order, applies {@code verb}, stores it at the version it was loaded at; returns it as reloaded. */
    private Order step(OrderId id, java.util.function.Consumer<Order> verb) {
        Order loaded = orders.find(id).orElseThrow();
        verb.accept(loaded);
        transactions.inTransaction(() -> {
            orders.update(loaded);
            return null;
        });
        Order reloaded = orders.find(id).orElseThrow();
        assertLoadedAs(reloaded, loaded);
        return reloaded;
    }

    @Test
    void eachEventKeepsWhatItSaysAsJson() {
        Order order = aKoreanOrder().declinedByRestaurant().withCancelReason("재료 소진").build();
        orders.add(order, "json");

        List<Map<String, Object>> payloads = store.direct.withHandle(h -> h.createQuery(
                        "SELECT type, payload::text AS payload, actor FROM order_events WHERE order_id = :id"
                                + " ORDER BY version")
                .bind("id", order.id().value()).mapToMap().list());

        assertThat(payloads).extracting(row -> row.get("type"))
                .containsExactly("order_placed", "order_paid", "order_cancelled");
        assertThat(json(payloads.get(0))).isEqualTo(json(
                "{\"restaurant_id\": 50, \"total_amount\": 41000, \"currency\": \"KRW\"}"));
        assertThat(json(payloads.get(1))).isEqualTo(json("{\"payment_method\": \"card\", \"amount\": 41000,"
                + " \"paid_at\": \"" + order.payment().orElseThrow().paidAt() + "\"}"));
        assertThat(json(payloads.get(2))).isEqualTo(json("{\"reason\": \"재료 소진\", \"cancelled_by\": \""
                + CancelledBy.RESTAURANT.wireName() + "\", \"refund_due\": true, \"cancelled_at\": \""
                + order.cancellation().orElseThrow().cancelledAt() + "\"}"));
        assertThat(payloads.get(2).get("actor")).isEqualTo("사장님-1");
    }

    @Test
    void anUpdateBasedOnAStaleVersionIsRefusedAndWritesNothing() {
        Order placed = aKoreanOrder().build();
        orders.add(placed, "stale");
        Order mine = orders.find(placed.id()).orElseThrow();
        Order theirs = orders.find(placed.id()).orElseThrow();
        theirs.pay(PaymentMethod.CARD, theirs.total(), CUSTOMER, placed.createdAt().plusSeconds(1));
        orders.update(theirs);

        mine.cancel("마음이 바뀌었어요", CancelledBy.CUSTOMER, CUSTOMER, placed.createdAt().plusSeconds(2));
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            orders.update(mine);
            return null;
        })).isInstanceOf(StaleOrderException.class)
                .satisfies(e -> assertThat(((StaleOrderException) e).expectedVersion()).isEqualTo(1));

        Order stored = orders.find(placed.id()).orElseThrow();
        assertLoadedAs(stored, theirs);
        assertThat(stored.cancellation()).isEmpty();
        assertThat(orders.history(placed.id())).extracting(RecordedEvent::type)
                .containsExactly("order_placed", "order_paid");
    }

    @Test
    void aStaleUpdateLeavesTheUnitOfWorkUsable() {
        Order placed = aKoreanOrder().build();
        orders.add(placed, "stale-then-read");
        Order stale = orders.find(placed.id()).orElseThrow();
        Order winner = orders.find(placed.id()).orElseThrow();
        winner.pay(PaymentMethod.CARD, winner.total(), CUSTOMER, placed.createdAt().plusSeconds(1));
        orders.update(winner);
        stale.cancel(null, CancelledBy.CUSTOMER, CUSTOMER, placed.createdAt().plusSeconds(2));

        long versionSeenAfterwards = transactions.inTransaction(() -> {
            assertThatThrownBy(() -> orders.update(stale)).isInstanceOf(StaleOrderException.class);
            return orders.find(placed.id()).orElseThrow().version();
        });

        assertThat(versionSeenAfterwards).isEqualTo(2);
    }

    @Test
    void updatingAnOrderThatWasNeverStoredIsStale() {
        Order neverStored = OrderBuilder.asStored(aKoreanOrder().build());
        neverStored.pay(PaymentMethod.CARD, neverStored.total(), CUSTOMER, Instant.parse("2026-11-23T11:00:00Z"));

        assertThatThrownBy(() -> orders.update(neverStored)).isInstanceOf(StaleOrderException.class);
        assertThat(orders.find(neverStored.id())).isEmpty();
        assertThat(orders.history(neverStored.id())).isEmpty();
    }

    @Test
    void aSecondOrderWithTheSameCreationKeyIsRefusedAndNothingOfItIsStored() {
        Order first = aKoreanOrder().build();
        Order second = aKoreanOrder().build();
        orders.add(first, "same-key");

        assertThatThrownBy(() -> orders.add(second, "same-key")).isInstanceOf(DuplicateOrderException.class);

        assertThat(orders.find(second.id())).isEmpty();
        assertThat(store.count("SELECT count(*) FROM order_lines WHERE order_id = ?", second.id().value())).isZero();
        assertThat(store.count("SELECT count(*) FROM order_events WHERE order_id = ?", second.id().value())).isZero();
        assertThat(orders.findByCreationKey(CUSTOMER, "same-key").map(Order::id)).contains(first.id());
    }

    @Test
    void aRefusedDuplicateLeavesTheUnitOfWorkUsable() {
        Order first = aKoreanOrder().build();
        orders.add(first, "dup-then-read");
        Order second = aKoreanOrder().build();

        Optional<Order> found = transactions.inTransaction(() -> {
            assertThatThrownBy(() -> orders.add(second, "dup-then-read"))
                    .isInstanceOf(DuplicateOrderException.class);
            return orders.findByCreationKey(CUSTOMER, "dup-then-read");
        });

        assertThat(found.map(Order::id)).contains(first.id());
    }

    @Test
    void anotherCustomerMayUseTheSameCreationKey() {
        orders.add(aKoreanOrder().build(), "shared-key");
        Order other = aKoreanOrder().placedBy("customer-2").build();

        orders.add(other, "shared-key");

        assertThat(orders.findByCreationKey(UserId.of("customer-2"), "shared-key").map(Order::id))
                .contains(other.id());
        assertThat(orders.findByCreationKey(UserId.of("customer-3"), "shared-key")).isEmpty();
    }

    @Test
    void aConcurrentDuplicateWaitsForTheFirstAndIsRefusedWhenItCommits() throws Exception {
        Order first = aKoreanOrder().build();
        Order second = aKoreanOrder().build();
        CountDownLatch firstInserted = new CountDownLatch(1);
        CountDownLatch secondWaiting = new CountDownLatch(1);

        CompletableFuture<Void> firstUnit = CompletableFuture.runAsync(() -> transactions.inTransaction(() -> {
            orders.add(first, "raced-key");
            firstInserted.countDown();
            await(secondWaiting);
            return null;
        }));
        await(firstInserted);
        CompletableFuture<Void> secondUnit = CompletableFuture.runAsync(() -> transactions.inTransaction(() -> {
            orders.add(second, "raced-key");
            return null;
        }));
        LockWaits.awaitOneWaiting(store, Duration.ofSeconds(10));
        assertThat(secondUnit).isNotDone();
        secondWaiting.countDown();

        firstUnit.get(10, TimeUnit.SECONDS);
        assertThat(secondUnit).failsWithin(Duration.ofSeconds(10))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(DuplicateOrderException.class);
        assertThat(orders.findByCreationKey(CUSTOMER, "raced-key").map(Order::id)).contains(first.id());
        assertThat(orders.find(second.id())).isEmpty();
    }

    @Test
    void anOrderCarriesTheOwnerOfItsRestaurant() {
        Order order = aKoreanOrder().build();

        orders.add(order, "owner-copied");

        String owner = store.direct.withHandle(h -> h.createQuery(
                        "SELECT restaurant_owner_id FROM orders WHERE id = :id")
                .bind("id", order.id().value()).mapTo(String.class).one());
        assertThat(owner).isEqualTo("사장님-1");
    }

    @Test
    void anOrderForAnUnknownRestaurantIsRefusedLoudlyNotAsADuplicate() {
        Restaurant unknown = aRestaurant().withId(987_654).ownedBy("사장님-9").withEmptyMenu()
                .withMenuItem(BULGOGI.value(), "불고기 정식", 15_000).build();
        Order order = anOrder().withId(orders.nextId()).from(unknown).placedBy(CUSTOMER).deliveredTo(ADDRESS)
                .withLine(BULGOGI, 1).placedAt(Instant.parse("2026-11-23T10:00:00Z")).build();

        assertThatThrownBy(() -> orders.add(order, "unknown-restaurant"))
                .isInstanceOf(IllegalStateException.class)
                .isNotInstanceOf(DuplicateOrderException.class)
                .hasMessageContaining("987654");

        assertThat(orders.find(order.id())).isEmpty();
        assertThat(store.count("SELECT count(*) FROM order_lines WHERE order_id = ?", order.id().value())).isZero();
        assertThat(store.count("SELECT count(*) FROM order_events WHERE order_id = ?", order.id().value())).isZero();
    }

    @Test
    void anUnknownRestaurantIsReportedEvenWhenTheCreationKeyWasUsedBefore() {
        orders.add(aKoreanOrder().build(), "used-then-unknown");
        Restaurant unknown = aRestaurant().withId(987_655).withEmptyMenu()
                .withMenuItem(BULGOGI.value(), "불고기 정식", 15_000).build();
        Order order = anOrder().withId(orders.nextId()).from(unknown).placedBy(CUSTOMER).deliveredTo(ADDRESS)
                .withLine(BULGOGI, 1).placedAt(Instant.parse("2026-11-23T10:00:00Z")).build();

        assertThatThrownBy(() -> orders.add(order, "used-then-unknown"))
                .isInstanceOf(IllegalStateException.class)
                .isNotInstanceOf(DuplicateOrderException.class);
    }

    @Test
    void aStoredOrderCannotBeAddedAgain() {
        Order order = aKoreanOrder().build();
        orders.add(order, "once");
        Order loaded = orders.find(order.id()).orElseThrow();

        assertThatThrownBy(() -> orders.add(loaded, "twice")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> orders.add(aKoreanOrder().withId(order.id()).build(), "twice"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void unknownOrdersAreNotFound() {
        assertThat(orders.find(OrderId.of(987_654_321))).isEmpty();
        assertThat(orders.findByCreationKey(CUSTOMER, "never-used")).isEmpty();
        assertThat(orders.history(OrderId.of(987_654_321))).isEmpty();
    }

    @Test
    void identitiesComeFromASequence() {
        OrderId a = orders.nextId();
        OrderId b = orders.nextId();

        assertThat(b.value()).isGreaterThan(a.value());
    }

    private OrderBuilder aKoreanOrder() {
        return anOrder().withId(orders.nextId()).from(restaurant).placedBy(CUSTOMER).deliveredTo(ADDRESS)
                .withLine(BULGOGI, 2).withLine(KIMCHI_STEW, 1).withLine(RICE, 2)
                .placedAt(Instant.parse("2026-11-23T10:00:00.123456Z"));
    }

    private static JsonNode json(Map<String, Object> row) {
        return json((String) row.get("payload"));
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static List<Long> versionsUpTo(long version) {
        return java.util.stream.LongStream.rangeClosed(1, version).boxed().toList();
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out waiting for the other unit of work");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
