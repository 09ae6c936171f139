package com.quickeats.adapter.persistence;

import static com.quickeats.order.domain.testing.OrderBuilder.anOrder;
import static com.quickeats.order.domain.testing.RestaurantBuilder.aRestaurant;
import static org.assertj.core.api.Assertions.assertThat;

import com.quickeats.order.application.port.out.OrderPageRequest;
import com.quickeats.order.application.port.out.OrderPageRequest.Keyset;
import com.quickeats.order.application.port.out.OrderRepository;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderId;
import com.quickeats.order.domain.OrderStatus;
import com.quickeats.order.domain.Restaurant;
import com.quickeats.order.domain.RestaurantId;
import com.quickeats.order.domain.UserId;
import com.quickeats.order.domain.VisibilityScope;
import com.quickeats.order.domain.testing.OrderBuilder;
import com.quickeats.testing.postgres.TestDatabase;
import com.quickeats.testing.postgres.WithPostgres;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pages of orders against the domain's own rule: for every visibility scope and filter, walking all pages
 * gives exactly the orders the scope includes, newest first, each once. Many orders share a creation time, so
 * the id must break ties.
 */
@WithPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderPageTest {
    static final Instant START = Instant.parse("2026-11-01T09:00:00Z");
    private static final int ORDERS = 240;

    private Store store;
    private OrderRepository orders;
    private final List<Order> stored = new ArrayList<>();

    @BeforeAll
    void fill(TestDatabase database) {
        store = Store.on(database);
        orders = store.adapters.orderRepository();
        List<Restaurant> restaurants = restaurants();
        restaurants.forEach(store.adapters.restaurantCatalog()::add);
        Random random = new Random(20261123);
        for (int i = 0; i < ORDERS; i++) {
            Order order = someOrder(orders.nextId(), restaurants.get(random.nextInt(restaurants.size())),
                    "customer-" + (1 + random.nextInt(4)), START.plusSeconds(60L * (i / 3)), random);
            orders.add(order, "key-" + i);
            stored.add(OrderBuilder.asStored(order));
        }
    }

    @AfterAll
    void close() {
        store.close();
    }

    static List<Restaurant> restaurants() {
        return List.of(
                restaurant(1, "치킨집", "owner-a"),
                restaurant(2, "피자집", "owner-a"),
                restaurant(3, "족발집", "owner-b"),
                restaurant(4, "분식집", "owner-c"));
    }

    private static Restaurant restaurant(long id, String name, String owner) {
        return aRestaurant().withId(id).named(name).ownedBy(owner).withEmptyMenu()
                .withMenuItem(id * 100 + 1, name + " 세트", 20_000 + id)
                .withMenuItem(id * 100 + 2, "콜라", 2_000).build();
    }

    /** An order in any status, with rider-1 or rider-2 for those picked up. */
    static Order someOrder(OrderId id, Restaurant restaurant, String customer, Instant placedAt, Random random) {
        OrderBuilder builder = anOrder().withId(id).from(restaurant).placedBy(customer).placedAt(placedAt)
                .pickedUpBy("rider-" + (1 + random.nextInt(2)))
                .withLine(restaurant.menu().get(0).id(), 1 + random.nextInt(3))
                .withLine(restaurant.menu().get(1).id(), 1 + random.nextInt(3));
        return switch (random.nextInt(9)) {
            case 0 -> builder.build();
            case 1 -> builder.inStatus(OrderStatus.PENDING_ACCEPTANCE).build();
            case 2 -> builder.inStatus(OrderStatus.PREPARING).build();
            case 3, 4 -> builder.inStatus(OrderStatus.READY_FOR_PICKUP).build();
            case 5 -> builder.inStatus(OrderStatus.IN_TRANSIT).build();
            case 6 -> builder.inStatus(OrderStatus.DELIVERED).build();
            case 7 -> builder.cancelledBeforePaying().build();
            default -> builder.declinedByRestaurant().build();
        };
    }

    static Stream<VisibilityScope> scopes() {
        return Stream.of(new VisibilityScope.Everything(),
                new VisibilityScope.PlacedBy(UserId.of("customer-1")),
                new VisibilityScope.ForRestaurantsOf(UserId.of("owner-a")),
                new VisibilityScope.RiddenByOrAwaitingPickup(UserId.of("rider-1")));
    }

    static Stream<Arguments> scopesAndFilters() {
        List<Optional<OrderStatus>> statuses = List.of(Optional.empty(), Optional.of(OrderStatus.READY_FOR_PICKUP),
                Optional.of(OrderStatus.DELIVERED));
        List<Optional<RestaurantId>> restaurants = List.of(Optional.empty(), Optional.of(RestaurantId.of(1)),
                Optional.of(RestaurantId.of(3)));
        return scopes().flatMap(scope -> statuses.stream().flatMap(status -> restaurants.stream()
                .map(restaurant -> Arguments.of(scope, status, restaurant))));
    }

    @ParameterizedTest(name = "{0} status={1} restaurant={2}")
    @MethodSource("scopesAndFilters")
    void walkingAllPagesGivesExactlyTheOrdersTheScopeIncludesNewestFirst(
            VisibilityScope scope, Optional<OrderStatus> status, Optional<RestaurantId> restaurant) {
        List<Long> expected = stored.stream()
                .filter(o -> scope.includes(o))
                .filter(o -> status.map(o.status()::equals).orElse(true))
                .filter(o -> restaurant.map(o.restaurantId()::equals).orElse(true))
                .sorted(NEWEST_FIRST)
                .map(o -> o.id().value())
                .toList();

        List<Long> walked = walk(orders, scope, status, restaurant, 7);

        assertThat(walked).isEqualTo(expected);
    }

    @Test
    void theDataCoversEveryCase() {
        assertThat(stored).extracting(Order::status).contains(OrderStatus.values());
        assertThat(stored.stream().filter(o -> o.riderId().isPresent())).isNotEmpty();
        assertThat(stored.stream().map(Order::createdAt).distinct()).hasSize(ORDERS / 3);
    }

    @Test
    void aPageHoldsAtMostTheLimitAndTheFullOrders() {
        List<Order> page = orders.page(new OrderPageRequest(new VisibilityScope.Everything(), Optional.empty(),
                Optional.empty(), Optional.empty(), 5));

        assertThat(page).hasSize(5);
        Map<Long, Order> byId = new HashMap<>();
        stored.forEach(o -> byId.put(o.id().value(), o));
        page.forEach(o -> SameOrder.assertLoadedAs(o, byId.get(o.id().value())));
    }

    static final Comparator<Order> NEWEST_FIRST = Comparator.comparing(Order::createdAt)
            .thenComparingLong(o -> o.id().value()).reversed();

    /** Every page of the walk, from the newest order on; returns the ids in the order they came. */
    static List<Long> walk(OrderRepository orders, VisibilityScope scope, Optional<OrderStatus> status,
                           Optional<RestaurantId> restaurant, int limit) {
        return walk(orders, scope, status, restaurant, limit, () -> { });
    }

    static List<Long> walk(OrderRepository orders, VisibilityScope scope, Optional<OrderStatus> status,
                           Optional<RestaurantId> restaurant, int limit, Runnable betweenPages) {
        List<Long> ids = new ArrayList<>();
        Optional<Keyset> after = Optional.empty();
        while (true) {
            List<Order> page = orders.page(new OrderPageRequest(scope, status, restaurant, after, limit));
            assertThat(page.size()).isLessThanOrEqualTo(limit);
            page.forEach(o -> ids.add(o.id().value()));
            if (page.size() < limit) {
                return ids;
            }
            Order last = page.get(page.size() - 1);
            after = Optional.of(new Keyset(last.createdAt(), last.id().value()));
            betweenPages.run();
        }
    }
}
