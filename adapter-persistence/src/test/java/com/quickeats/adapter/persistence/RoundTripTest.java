package com.quickeats.adapter.persistence;

import static com.quickeats.order.domain.testing.RestaurantBuilder.aRestaurant;
import static org.assertj.core.api.Assertions.assertThat;

import com.quickeats.adapter.persistence.WireTap.RoundTrip;
import com.quickeats.order.application.IdempotentExecutor;
import com.quickeats.order.application.UseCases;
import com.quickeats.order.application.port.in.CancelOrderCommand;
import com.quickeats.order.application.port.in.OrderActionCommand;
import com.quickeats.order.application.port.in.PayOrderCommand;
import com.quickeats.order.application.port.in.PlaceOrderCommand;
import com.quickeats.order.application.port.in.Precondition;
import com.quickeats.order.application.port.out.IdempotencyClaim;
import com.quickeats.order.application.port.out.StoredResponse;
import com.quickeats.order.domain.Actor;
import com.quickeats.order.domain.LineRequest;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.PaymentMethod;
import com.quickeats.order.domain.Restaurant;
import com.quickeats.order.domain.RuleRefusalException;
import com.quickeats.order.domain.Role;
import com.quickeats.testing.postgres.TestDatabase;
import com.quickeats.testing.postgres.WithPostgres;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each request costs the database, counted on the wire ({@link WireTap}) through the real use cases on the
 * real adapters, as the HTTP adapter drives them (writes through the idempotent executor): a read of one order is
 * one round trip and no transaction; an action, its idempotency record included, at most four; a placement at most
 * five. A round trip is a wait for the server; BEGIN rides along with the first statement of a transaction.
 */
@WithPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoundTripTest {
    private static final Logger LOG = LoggerFactory.getLogger(RoundTripTest.class);
    private static final Actor CUSTOMER = Actor.of("customer-1", Role.CUSTOMER);
    private static final Actor OWNER = Actor.of("owner-1", Role.RESTAURANT_OWNER);
    private static final Actor RIDER = Actor.of("rider-1", Role.RIDER);

    private Store store;
    private UseCases useCases;
    private Restaurant restaurant;
    private final AtomicInteger keys = new AtomicInteger();

    @BeforeAll
    void start(TestDatabase database) {
        store = Store.tapped(database, 1);
        restaurant = aRestaurant().build();
        store.adapters.restaurantCatalog().add(restaurant);
        useCases = UseCases.wire(store.adapters.orderRepository(), store.adapters.restaurantCatalog(),
                store.adapters.idempotencyStore(), store.adapters.transactionRunner(), Clock.systemUTC(),
                Duration.ofHours(24));
        for (int i = 0; i < 6; i++) { // past the driver's prepare threshold, as in a warm service
            deliverOne();
            cancelOne();
        }
    }

    @AfterAll
    void close() {
        store.close();
    }

    @Test
    void readingOneOrderIsOneStatementOutsideAnyTransaction() {
        Order order = place("get");

        List<RoundTrip> trips = tripsOf("GET", () -> useCases.orderQueries().get(CUSTOMER, order.id()));

        assertThat(trips).hasSize(1);
        assertThat(trips.get(0).statements()).hasSize(1);
        assertThat(statements(trips)).noneMatch(RoundTripTest::isTransactionControl);
    }

    /** Order ids come in blocks of 32: one placement in 32 also fetches the next block. */
    @Test
    void placingAnOrderTakesAtMostFiveRoundTripsInOneTransaction() {
        int refills = 0;
        for (int i = 0; i < 40; i++) {
            List<RoundTrip> trips = tripsOf("create", () -> place("create"));
            List<RoundTrip> refill = trips.stream()
                    .filter(trip -> trip.statements().stream().anyMatch(s -> s.contains("nextval('order_ids')")))
                    .toList();
            refills += refill.size();

            assertThat(trips.size() - refill.size()).as("round trips besides a refill of ids").isLessThanOrEqualTo(5);
            assertOneTransaction(trips);
        }
        assertThat(refills).as("id blocks fetched for 40 placements").isBetween(1, 2);
    }

    @Test
    void eachActionTakesAtMostFourRoundTripsInOneTransaction() {
        Order order = place("actions");
        assertAction("pay", () -> pay(order));
        assertAction("accept", () -> idempotently(OWNER, "accept", () -> useCases.orderActions()
                .accept(OWNER, new OrderActionCommand(order.id(), new Precondition.AnyVersion()))));
        assertAction("complete preparation", () -> idempotently(OWNER, "ready", () -> useCases.orderActions()
                .completePreparation(OWNER, new OrderActionCommand(order.id(), new Precondition.AnyVersion()))));
        assertAction("pick up", () -> idempotently(RIDER, "pickup", () -> useCases.orderActions()
                .pickUp(RIDER, new OrderActionCommand(order.id(), new Precondition.AnyVersion()))));
        assertAction("deliver", () -> idempotently(RIDER, "deliver", () -> useCases.orderActions()
                .deliver(RIDER, new OrderActionCommand(order.id(), new Precondition.AnyVersion()))));
        Order another = place("cancel");
        assertAction("cancel", () -> idempotently(CUSTOMER, "cancel", () -> useCases.orderActions()
                .cancel(CUSTOMER, new CancelOrderCommand(another.id(), "changed my mind",
                        new Precondition.AnyVersion()))));
    }

    @Test
    void aReplayedRequestTakesAtMostTwoRoundTrips() {
        Order order = place("replay");
        String key = "pay-" + keys.incrementAndGet();
        Supplier<Order> payment = () -> useCases.orderActions().pay(CUSTOMER, new PayOrderCommand(order.id(),
                PaymentMethod.CARD, order.total(), new Precondition.AnyVersion()));
        idempotently(CUSTOMER, key, "pay", payment);

        List<RoundTrip> trips = tripsOf("replay", () -> idempotently(CUSTOMER, key, "pay", payment));

        assertThat(trips).hasSizeLessThanOrEqualTo(2);
    }

    private void assertAction(String name, Runnable action) {
        List<RoundTrip> trips = tripsOf(name, action);
        assertThat(trips).as(name).hasSizeLessThanOrEqualTo(4);
        assertOneTransaction(trips);
    }

    /** Everything written commits at once: the first statement opens the transaction, the last round trip ends it. */
    private static void assertOneTransaction(List<RoundTrip> trips) {
        List<String> statements = statements(trips);
        assertThat(statements.stream().filter(RoundTripTest::isTransactionControl).toList())
                .as("transaction control").containsExactly("BEGIN", "COMMIT");
        assertThat(trips.get(0).statements().get(0)).isEqualTo("BEGIN");
        assertThat(trips.get(trips.size() - 1).statements()).last().isEqualTo("COMMIT");
    }

    private List<RoundTrip> tripsOf(String operation, Runnable action) {
        int mark = store.tap.mark();
        action.run();
        List<RoundTrip> trips = store.tap.since(mark).stream()
                .filter(trip -> !isPoolValidation(trip))
                .toList();
        LOG.info("{}: {} round trips, {} statements: {}", operation, trips.size(), statements(trips).size(),
                trips.stream().map(RoundTrip::statements).toList());
        return trips;
    }

    private static List<String> statements(List<RoundTrip> trips) {
        return trips.stream().flatMap(t -> t.statements().stream()).toList();
    }

    private static boolean isTransactionControl(String statement) {
        return statement.equals("BEGIN") || statement.equals("COMMIT") || statement.equals("ROLLBACK");
    }

    /** The pool pings a connection that sat idle for more than half a second: never under load. */
    private static boolean isPoolValidation(RoundTrip trip) {
        return trip.statements().stream().allMatch(String::isBlank);
    }

    private Order place(String name) {
        Actor customer = CUSTOMER;
        String key = name + "-" + keys.incrementAndGet();
        return idempotently(customer, key, "place", () -> useCases.placeOrder().place(customer, new PlaceOrderCommand(
                Optional.of(restaurant.id()), Optional.empty(),
                List.of(new LineRequest(restaurant.menu().get(0).id(), 2),
                        new LineRequest(restaurant.menu().get(1).id(), 1)),
                "서울시 강남구", key))).order();
    }

    private Order pay(Order order) {
        return idempotently(CUSTOMER, "pay", () -> useCases.orderActions().pay(CUSTOMER, new PayOrderCommand(
                order.id(), PaymentMethod.CARD, order.total(), new Precondition.AnyVersion())));
    }

    private <R> R idempotently(Actor actor, String what, Supplier<R> useCase) {
        return idempotently(actor, what + "-" + keys.incrementAndGet(), what, useCase);
    }

    /** As the HTTP adapter runs a POST: claim, use case, stored outcome, one unit of work. */
    private <R> R idempotently(Actor actor, String key, String what, Supplier<R> useCase) {
        Object[] result = new Object[1];
        useCases.idempotency().execute(new IdempotencyClaim(actor.id(), key, "POST " + what),
                () -> {
                    R r = useCase.get();
                    result[0] = r;
                    return r;
                }, new IdempotentExecutor.Renderer<R>() {
                    @Override
                    public StoredResponse success(R r) {
                        return new StoredResponse(200, Map.of("Content-Type", "application/json"),
                                "{}".getBytes(StandardCharsets.UTF_8));
                    }

                    @Override
                    public StoredResponse refusal(RuleRefusalException domainRefusal) {
                        throw domainRefusal;
                    }
                });
        @SuppressWarnings("unchecked")
        R r = (R) result[0];
        return r;
    }

    private void deliverOne() {
        Order order = place("warm");
        pay(order);
        OrderActionCommand any = new OrderActionCommand(order.id(), new Precondition.AnyVersion());
        idempotently(OWNER, "accept", () -> useCases.orderActions().accept(OWNER, any));
        idempotently(OWNER, "ready", () -> useCases.orderActions().completePreparation(OWNER, any));
        idempotently(RIDER, "pickup", () -> useCases.orderActions().pickUp(RIDER, any));
        idempotently(RIDER, "deliver", () -> useCases.orderActions().deliver(RIDER, any));
        useCases.orderQueries().get(CUSTOMER, order.id());
    }

    private void cancelOne() {
        Order order = place("warm-cancel");
        idempotently(CUSTOMER, "cancel", () -> useCases.orderActions().cancel(CUSTOMER,
                new CancelOrderCommand(order.id(), null, new Precondition.AnyVersion())));
    }
}
