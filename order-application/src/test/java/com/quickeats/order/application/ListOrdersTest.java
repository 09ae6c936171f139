package com.quickeats.order.application;

import static com.quickeats.order.application.TestWorld.ADMIN;
import static com.quickeats.order.application.TestWorld.CUSTOMER;
import static com.quickeats.order.application.TestWorld.OTHER_CUSTOMER;
import static com.quickeats.order.application.TestWorld.OTHER_OWNER;
import static com.quickeats.order.application.TestWorld.OTHER_RIDER;
import static com.quickeats.order.application.TestWorld.OWNER;
import static com.quickeats.order.application.TestWorld.RIDER;
import static com.quickeats.order.application.TestWorld.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.quickeats.order.application.port.in.ListOrdersQuery;
import com.quickeats.order.application.port.in.OrderPage;
import com.quickeats.order.application.port.out.RestaurantSummary;
import com.quickeats.order.domain.Actor;
import com.quickeats.order.domain.FieldViolation;
import com.quickeats.order.domain.InvalidInputException;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderStatus;
import com.quickeats.order.domain.Restaurant;
import com.quickeats.order.domain.RestaurantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A list shows the orders the caller may read, newest first, with their restaurants side-loaded. */
class ListOrdersTest {
    private static final List<Actor> EVERYBODY = List.of(ADMIN, CUSTOMER, OTHER_CUSTOMER, OWNER, OTHER_OWNER,
            RIDER, OTHER_RIDER);

    private final TestWorld world = new TestWorld();
    private final List<Order> all = new ArrayList<>();
    private Restaurant chicken;
    private Restaurant pizza;
    private Restaurant noodles;

    @BeforeEach
    void fiveOrdersAtTwoOfThreeRestaurants() {
        chicken = world.chickenPlace();
        pizza = world.pizzaPlace();
        noodles = world.restaurant("국수집", OTHER_OWNER, "잔치국수:7000");
        all.add(world.orderIn(OrderStatus.PENDING_PAYMENT, CUSTOMER, chicken));
        all.add(world.orderIn(OrderStatus.READY_FOR_PICKUP, CUSTOMER, chicken));
        all.add(world.orderIn(OrderStatus.DELIVERED, CUSTOMER, pizza));
        all.add(world.orderIn(OrderStatus.PREPARING, OTHER_CUSTOMER, chicken));
        all.add(world.orderIn(OrderStatus.IN_TRANSIT, OTHER_CUSTOMER, pizza));
    }

    private OrderPage list(Actor actor, Optional<OrderStatus> status, Optional<RestaurantId> restaurant, int limit) {
        return world.app.orderQueries().list(actor, new ListOrdersQuery(status, restaurant, limit, Optional.empty()));
    }

    private List<Long> readableBy(Actor actor) {
        return ids(all.stream().filter(o -> {
            try {
                world.app.orderQueries().get(actor, o.id());
                return true;
            } catch (NotFoundException invisible) {
                return false;
            }
        }).toList());
    }

    @Test
    void everybodyListsExactlyTheOrdersTheyMayReadNewestFirst() {
        for (Actor actor : EVERYBODY) {
            List<Long> expected = new ArrayList<>(readableBy(actor));
            expected.sort((a, b) -> Long.compare(b, a));

            assertThat(ids(world.listed(actor))).as("%s", actor).isEqualTo(expected);
        }
        assertThat(ids(world.listed(ADMIN))).hasSize(5);
        assertThat(ids(world.listed(OTHER_RIDER))).containsExactly(all.get(1).id().value());
    }

    @Test
    void filtersNarrowWhatTheCallerMaySeeAndNeverWidenIt() {
        List<Optional<OrderStatus>> statuses = new ArrayList<>(Stream.of(OrderStatus.values()).map(Optional::of)
                .toList());
        statuses.add(Optional.empty());
        List<Optional<RestaurantId>> restaurants = List.of(Optional.empty(), Optional.of(chicken.id()),
                Optional.of(pizza.id()), Optional.of(noodles.id()), Optional.of(RestaurantId.of(999)));
        for (Actor actor : EVERYBODY) {
            List<Long> readable = readableBy(actor);
            for (Optional<OrderStatus> status : statuses) {
                for (Optional<RestaurantId> restaurant : restaurants) {
                    List<Long> expected = ids(all.stream()
                            .filter(o -> readable.contains(o.id().value()))
                            .filter(o -> status.map(o.status()::equals).orElse(true))
                            .filter(o -> restaurant.map(o.restaurantId()::equals).orElse(true))
                            .toList());

                    assertThat(ids(list(actor, status, restaurant, 100).orders()))
                            .as("%s, %s, %s", actor, status, restaurant)
                            .containsExactlyInAnyOrderElementsOf(expected);
                }
            }
        }
    }

    @Test
    void eachReferencedRestaurantIsIncludedOnceAndNoOther() {
        OrderPage page = list(ADMIN, Optional.empty(), Optional.empty(), 100);

        assertThat(page.restaurants()).extracting(RestaurantSummary::id)
                .containsExactlyInAnyOrder(chicken.id(), pizza.id());
        assertThat(page.restaurants()).extracting(RestaurantSummary::name, RestaurantSummary::ownerId)
                .contains(tuple("치킨집", OWNER.id()));
        assertThat(list(CUSTOMER, Optional.of(OrderStatus.PENDING_PAYMENT), Optional.empty(), 100).restaurants())
                .extracting(RestaurantSummary::id).containsExactly(chicken.id());
        assertThat(list(ADMIN, Optional.empty(), Optional.empty(), 1).restaurants())
                .extracting(RestaurantSummary::id).containsExactly(pizza.id());
    }

    @Test
    void anEmptyPageIncludesNoRestaurantsAndHasNoNextCursor() {
        OrderPage page = list(OTHER_OWNER, Optional.empty(), Optional.of(chicken.id()), 20);

        assertThat(page.orders()).isEmpty();
        assertThat(page.restaurants()).isEmpty();
        assertThat(page.nextCursor()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 100})
    void restaurantsAreSideLoadedInOneLookupWhateverTheLimit(int limit) {
        int before = world.catalog.summaryLookups();

        list(ADMIN, Optional.empty(), Optional.empty(), limit);

        assertThat(world.catalog.summaryLookups() - before).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 101, Integer.MAX_VALUE})
    void theLimitIsBetweenOneAndAHundred(int limit) {
        assertThatThrownBy(() -> new ListOrdersQuery(Optional.empty(), Optional.empty(), limit, Optional.empty()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("limit"));
    }

    @Test
    void aPageHoldsAtMostTheLimit() {
        assertThat(list(ADMIN, Optional.empty(), Optional.empty(), 1).orders()).hasSize(1);
        assertThat(list(ADMIN, Optional.empty(), Optional.empty(), 4).orders()).hasSize(4);
        assertThat(list(ADMIN, Optional.empty(), Optional.empty(), 5).nextCursor()).isEmpty();
        assertThat(list(ADMIN, Optional.empty(), Optional.empty(), 4).nextCursor()).isPresent();
    }
}
