package com.quickeats.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.quickeats.order.application.UseCases;
import com.quickeats.order.application.port.in.ListOrdersQuery;
import com.quickeats.order.application.port.in.OrderPage;
import com.quickeats.order.application.port.out.OrderRepository;
import com.quickeats.order.domain.Actor;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderStatus;
import com.quickeats.order.domain.Restaurant;
import com.quickeats.order.domain.Role;
import com.quickeats.testing.postgres.TestDatabase;
import com.quickeats.testing.postgres.WithPostgres;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The N+1 query that the seed service suffered: a list request, through the real use case on the real
 * adapters, must run as many SQL statements for 100 orders as for one, whoever asks and on every page: two, each
 * its own round trip (the page with its orders' lines, then their restaurants), and no transaction around them.
 * Counted on the wire ({@link WireTap}).
 */
@WithPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListStatementCountTest {
    private Store store;
    private UseCases useCases;

    @BeforeAll
    void fill(TestDatabase database) {
        store = Store.tapped(database, 2);
        OrderRepository orders = store.adapters.orderRepository();
        List<Restaurant> restaurants = OrderPageTest.restaurants();
        restaurants.forEach(store.adapters.restaurantCatalog()::add);
        Random random = new Random(7);
        store.adapters.transactionRunner().inTransaction(() -> {
            for (int i = 0; i < 1_000; i++) {
                Order order = OrderPageTest.someOrder(orders.nextId(), restaurants.get(i % 4),
                        "customer-" + (1 + i % 3), OrderPageTest.START.plusSeconds(i), random);
                orders.add(order, "key-" + i);
            }
            return null;
        });
        useCases = UseCases.wire(orders, store.adapters.restaurantCatalog(), store.adapters.idempotencyStore(),
                store.adapters.transactionRunner(), Clock.systemUTC(), Duration.ofHours(24));
    }

    @AfterAll
    void close() {
        store.close();
    }

    static Stream<Actor> callers() {
        return Stream.of(Actor.of("admin-1", Role.ADMIN), Actor.of("customer-1", Role.CUSTOMER),
                Actor.of("owner-a", Role.RESTAURANT_OWNER), Actor.of("rider-1", Role.RIDER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callers")
    void aListRunsTheSameStatementsForOneTwentyAndAHundredOrders(Actor caller) {
        List<Integer> firstPages = Stream.of(1, 20, 100).map(limit -> statementsFor(caller, limit, false)).toList();
        List<Integer> secondPages = Stream.of(1, 20, 100).map(limit -> statementsFor(caller, limit, true)).toList();

        assertThat(firstPages).as("first pages for limits 1, 20, 100").containsOnly(firstPages.get(0));
        assertThat(secondPages).as("second pages for limits 1, 20, 100").containsOnly(firstPages.get(0));
        assertThat(firstPages.get(0)).as("orders with their lines, their restaurants").isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callers")
    void aFilteredListToo(Actor caller) {
        List<Integer> counts = Stream.of(1, 20, 100).map(limit -> {
            int mark = store.tap.mark();
            OrderPage page = useCases.orderQueries().list(caller, new ListOrdersQuery(
                    Optional.of(OrderStatus.READY_FOR_PICKUP), Optional.empty(), limit, Optional.empty()));
            assertThat(page.orders()).isNotEmpty();
            return roundTripsSince(mark);
        }).toList();

        assertThat(counts).containsOnly(2);
    }

    private int statementsFor(Actor caller, int limit, boolean secondPage) {
        Optional<String> cursor = Optional.empty();
        if (secondPage) {
            cursor = useCases.orderQueries().list(caller, query(limit, Optional.empty())).nextCursor();
            assertThat(cursor).as("a second page exists").isPresent();
        }
        int mark = store.tap.mark();
        OrderPage page = useCases.orderQueries().list(caller, query(limit, cursor));
        int statements = roundTripsSince(mark);
        assertThat(page.orders()).as("a full page").hasSize(limit);
        assertThat(page.restaurants()).as("its restaurants").isNotEmpty();
        return statements;
    }

    /** Round trips since {@code mark}, each with one statement, none of them transaction control. */
    private int roundTripsSince(int mark) {
        List<WireTap.RoundTrip> trips = store.tap.since(mark).stream()
                .filter(trip -> trip.statements().stream().anyMatch(s -> !s.isBlank())) // the pool's idle ping
                .toList();
        assertThat(trips).allSatisfy(trip -> assertThat(trip.statements()).hasSize(1)
                .noneMatch(s -> s.equals("BEGIN") || s.equals("COMMIT")));
        return trips.size();
    }

    private static ListOrdersQuery query(int limit, Optional<String> cursor) {
        return new ListOrdersQuery(Optional.empty(), Optional.empty(), limit, cursor);
    }
}
