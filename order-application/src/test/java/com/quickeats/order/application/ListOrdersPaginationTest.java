package com.quickeats.order.application;

import static com.quickeats.order.application.TestWorld.ADMIN;
import static com.quickeats.order.application.TestWorld.CUSTOMER;
import static com.quickeats.order.application.TestWorld.OTHER_CUSTOMER;
import static com.quickeats.order.application.TestWorld.STEP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quickeats.order.application.port.in.ListOrdersQuery;
import com.quickeats.order.application.port.in.OrderPage;
import com.quickeats.order.domain.Actor;
import com.quickeats.order.domain.FieldViolation;
import com.quickeats.order.domain.InvalidInputException;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderStatus;
import com.quickeats.order.domain.Restaurant;
import com.quickeats.order.domain.Role;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keyset pagination: a walk visits every order once, and its cursor only continues the walk it came from. */
class ListOrdersPaginationTest {
    private static final Comparator<Order> NEWEST_FIRST = Comparator.comparing(Order::createdAt)
            .thenComparingLong((Order o) -> o.id().value()).reversed();

    private final TestWorld world = new TestWorld();
    private final Restaurant chicken = world.chickenPlace();

    private static ListOrdersQuery query(Optional<OrderStatus> status, int limit, Optional<String> cursor) {
        return new ListOrdersQuery(status, Optional.empty(), limit, cursor);
    }

    private List<List<Order>> walk(Actor actor, Optional<OrderStatus> status, int limit) {
        List<List<Order>> pages = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            OrderPage page = world.app.orderQueries().list(actor, query(status, limit, cursor));
            pages.add(page.orders());
            cursor = page.nextCursor();
        } while (cursor.isPresent() && pages.size() < 100);
        return pages;
    }

    /** Orders in bursts placed at the same instant, and some placed "earlier" after later ones. */
    private List<Order> ordersWithTiesAndOutOfOrderTimes(int count) {
        List<Order> placed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (i % 3 == 0) {
                world.clock.advance(STEP);
            }
            if (i % 7 == 6) {
                world.clock.set(TestWorld.START.plusSeconds(i));
            }
            placed.add(world.app.placeOrder().place(CUSTOMER, world.oneOfTheFirstItem(chicken)).order());
        }
        placed.sort(NEWEST_FIRST);
        return placed;
    }

    @Test
    void walkingThePagesVisitsEveryOrderExactlyOnceNewestFirst() {
        List<Order> expected = ordersWithTiesAndOutOfOrderTimes(23);

        List<List<Order>> pages = walk(ADMIN, Optional.empty(), 5);

        assertThat(pages).hasSize(5);
        assertThat(pages).allSatisfy(page -> assertThat(page).hasSizeLessThanOrEqualTo(5));
        assertThat(TestWorld.ids(pages.stream().flatMap(List::stream).toList()))
                .containsExactlyElementsOf(TestWorld.ids(expected));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 6, 12, 13, 100})
    void everyPageSizeVisitsEveryOrderOnceAndEndsWithoutAnEmptyPage(int limit) {
        List<Order> expected = ordersWithTiesAndOutOfOrderTimes(12);

        List<List<Order>> pages = walk(ADMIN, Optional.empty(), limit);

        assertThat(pages).hasSize((12 + limit - 1) / limit);
        assertThat(pages.get(pages.size() - 1)).isNotEmpty();
        assertThat(TestWorld.ids(pages.stream().flatMap(List::stream).toList()))
                .containsExactlyElementsOf(TestWorld.ids(expected));
    }

    @Test
    void ordersPlacedDuringAWalkDoNotDisturbIt() {
        List<Order> expected = ordersWithTiesAndOutOfOrderTimes(9);
        OrderPage first = world.app.orderQueries().list(ADMIN, query(Optional.empty(), 4, Optional.empty()));
        world.clock.advance(STEP.multipliedBy(100));
        world.place(CUSTOMER, chicken);
        world.place(CUSTOMER, chicken);

        List<Order> rest = new ArrayList<>();
        Optional<String> cursor = first.nextCursor();
        while (cursor.isPresent()) {
            OrderPage page = world.app.orderQueries().list(ADMIN, query(Optional.empty(), 4, cursor));
            rest.addAll(page.orders());
            cursor = page.nextCursor();
        }

        List<Order> seen = new ArrayList<>(first.orders());
        seen.addAll(rest);
        assertThat(TestWorld.ids(seen)).containsExactlyElementsOf(TestWorld.ids(expected));
    }

    @Test
    void aFilteredWalkStaysWithinItsFilter() {
        for (int i = 0; i < 7; i++) {
            Order order = world.place(CUSTOMER, chicken);
            if (i % 2 == 0) {
                world.walk(order, OrderStatus.PENDING_ACCEPTANCE, TestWorld.OWNER);
            }
        }

        List<List<Order>> pages = walk(CUSTOMER, Optional.of(OrderStatus.PENDING_ACCEPTANCE), 2);

        assertThat(pages.stream().flatMap(List::stream)).hasSize(4)
                .allSatisfy(o -> assertThat(o.status()).isEqualTo(OrderStatus.PENDING_ACCEPTANCE));
    }

    @Test
    void aCursorMayContinueWithAnotherPageSize() {
        List<Order> expected = ordersWithTiesAndOutOfOrderTimes(6);
        OrderPage first = world.app.orderQueries().list(ADMIN, query(Optional.empty(), 2, Optional.empty()));

        OrderPage rest = world.app.orderQueries().list(ADMIN, query(Optional.empty(), 10, first.nextCursor()));

        assertThat(TestWorld.ids(rest.orders())).containsExactlyElementsOf(TestWorld.ids(expected.subList(2, 6)));
    }

    private String cursorOfAFirstPage(Actor actor, Optional<OrderStatus> status) {
        return world.app.orderQueries().list(actor, query(status, 1, Optional.empty())).nextCursor().orElseThrow();
    }

    private void assertCursorRefused(Actor actor, ListOrdersQuery query) {
        assertThatThrownBy(() -> world.app.orderQueries().list(actor, query))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("cursor"));
    }

    @Test
    void aCursorReusedWithOtherFiltersIsRefused() {
        ordersWithTiesAndOutOfOrderTimes(3);
        String unfiltered = cursorOfAFirstPage(CUSTOMER, Optional.empty());
        String filtered = cursorOfAFirstPage(CUSTOMER, Optional.of(OrderStatus.PENDING_PAYMENT));

        assertCursorRefused(CUSTOMER, query(Optional.of(OrderStatus.PENDING_PAYMENT), 1, Optional.of(unfiltered)));
        assertCursorRefused(CUSTOMER, query(Optional.empty(), 1, Optional.of(filtered)));
        assertCursorRefused(CUSTOMER, new ListOrdersQuery(Optional.empty(), Optional.of(chicken.id()), 1,
                Optional.of(unfiltered)));
    }

    @Test
    void aCursorReusedByAnotherCallerIsRefused() {
        ordersWithTiesAndOutOfOrderTimes(3);
        String adminsCursor = cursorOfAFirstPage(ADMIN, Optional.empty());
        String customersCursor = cursorOfAFirstPage(CUSTOMER, Optional.empty());

        assertCursorRefused(OTHER_CUSTOMER, query(Optional.empty(), 1, Optional.of(customersCursor)));
        assertCursorRefused(CUSTOMER, query(Optional.empty(), 1, Optional.of(adminsCursor)));
        assertCursorRefused(Actor.of(CUSTOMER.id().value(), Role.ADMIN),
                query(Optional.empty(), 1, Optional.of(customersCursor)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage!", "bm90IGEgY3Vyc29y", "djEuMS4yLjM", "djIuMS4wLjEuYWJj", "%%%", "a.b.c"})
    void aCursorThatDoesNotDecodeIsRefused(String garbage) {
        ordersWithTiesAndOutOfOrderTimes(2);

        assertCursorRefused(CUSTOMER, query(Optional.empty(), 1, Optional.of(garbage)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x.0.5", "1.x.5", "1.0.x", "1.0.0", "1.0.-5", "1.1000000000.5", "99999999999999999.0.5"})
    void aCursorWithTheRightFiltersButATamperedPositionIsRefused(String position) {
        ordersWithTiesAndOutOfOrderTimes(2);
        ListOrdersQuery firstPage = query(Optional.empty(), 1, Optional.empty());
        String sealed = "v1." + position;
        String plain = sealed + "." + OrderCursor.checksum(sealed, OrderCursor.filtersOf(CUSTOMER, firstPage));
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(plain.getBytes(StandardCharsets.UTF_8));

        assertCursorRefused(CUSTOMER, query(Optional.empty(), 1, Optional.of(forged)));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void anIssuedCursorWhosePositionWasEditedIsRefused(int part) {
        ordersWithTiesAndOutOfOrderTimes(3);
        String issued = cursorOfAFirstPage(CUSTOMER, Optional.empty());
        String[] parts = new String(Base64.getUrlDecoder().decode(issued), StandardCharsets.UTF_8).split("\\.", -1);
        parts[part] = String.valueOf(Long.parseLong(parts[part]) + 1);
        String edited = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(".", parts).getBytes(StandardCharsets.UTF_8));

        world.app.orderQueries().list(CUSTOMER, query(Optional.empty(), 1, Optional.of(issued)));
        assertCursorRefused(CUSTOMER, query(Optional.empty(), 1, Optional.of(edited)));
    }
}
