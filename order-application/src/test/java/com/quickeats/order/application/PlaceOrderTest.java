package com.quickeats.order.application;

import static com.quickeats.order.application.TestWorld.ADDRESS;
import static com.quickeats.order.application.TestWorld.ADMIN;
import static com.quickeats.order.application.TestWorld.CUSTOMER;
import static com.quickeats.order.application.TestWorld.OTHER_CUSTOMER;
import static com.quickeats.order.application.TestWorld.OWNER;
import static com.quickeats.order.application.TestWorld.RIDER;
import static com.quickeats.order.application.TestWorld.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.quickeats.order.application.port.in.ChangeMenuItemCommand;
import com.quickeats.order.application.port.in.PlaceOrderCommand;
import com.quickeats.order.application.port.in.PlacedOrder;
import com.quickeats.order.domain.ActionNotPermittedException;
import com.quickeats.order.domain.Actor;
import com.quickeats.order.domain.BusinessRuleViolationException;
import com.quickeats.order.domain.FieldViolation;
import com.quickeats.order.domain.InvalidInputException;
import com.quickeats.order.domain.LineRequest;
import com.quickeats.order.domain.MenuItemId;
import com.quickeats.order.domain.Money;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderLine;
import com.quickeats.order.domain.OrderStatus;
import com.quickeats.order.domain.Restaurant;
import com.quickeats.order.domain.RestaurantId;
import com.quickeats.order.domain.Role;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlaceOrderTest {
    private final TestWorld world = new TestWorld();
    private final Restaurant chicken = world.chickenPlace();

    private PlacedOrder place(Actor actor, PlaceOrderCommand command) {
        return world.app.placeOrder().place(actor, command);
    }

    private PlaceOrderCommand byId(RestaurantId restaurant, String key, LineRequest... lines) {
        return new PlaceOrderCommand(Optional.of(restaurant), Optional.empty(), List.of(lines), ADDRESS, key);
    }

    private PlaceOrderCommand byName(String name, String key, LineRequest... lines) {
        return new PlaceOrderCommand(Optional.empty(), Optional.of(name), List.of(lines), ADDRESS, key);
    }

    private LineRequest line(String itemName, int quantity) {
        return new LineRequest(item(chicken, itemName), quantity);
    }

    @Test
    void aPlacedOrderAwaitsPaymentAtVersionOneAndBelongsToTheCaller() {
        PlacedOrder placed = place(CUSTOMER, byId(chicken.id(), "k1", line("양념치킨", 2)));

        Order order = placed.order();
        assertThat(placed.alreadyPlaced()).isFalse();
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(order.version()).isEqualTo(1);
        assertThat(order.customerId()).isEqualTo(CUSTOMER.id());
        assertThat(order.createdAt()).isEqualTo(world.clock.instant());
        assertThat(world.reload(order).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(world.app.orderQueries().history(CUSTOMER, order.id()))
                .singleElement().satisfies(e -> {
                    assertThat(e.type()).isEqualTo("order_placed");
                    assertThat(e.actor()).isEqualTo(CUSTOMER.id());
                    assertThat(e.version()).isEqualTo(1);
                });
    }

    @Test
    void pricesComeFromTheMenuAndLaterMenuChangesNeverAlterTheOrder() {
        Order order = place(CUSTOMER, byId(chicken.id(), "k1", line("후라이드치킨", 2), line("콜라", 3))).order();

        assertThat(order.lines()).extracting(OrderLine::name, OrderLine::unitPrice, OrderLine::quantity)
                .containsExactly(tuple("후라이드치킨", Money.won(18_000), 2),
                        tuple("콜라", Money.won(2_000), 3));
        assertThat(order.total()).isEqualTo(Money.won(42_000));

        world.app.restaurants().changeMenuItem(OWNER, new ChangeMenuItemCommand(chicken.id(),
                item(chicken, "후라이드치킨"), Optional.of(25_000L), Optional.empty()));
        assertThat(world.reload(order).total()).isEqualTo(Money.won(42_000));
        assertThat(world.reload(order).lines().get(0).unitPrice()).isEqualTo(Money.won(18_000));
    }

    @Test
    void aRestaurantCanBeNamedInsteadOfNumbered() {
        Order order = place(CUSTOMER, byName("치킨집", "k1", line("콜라", 1))).order();

        assertThat(order.restaurantId()).isEqualTo(chicken.id());
    }

    @Test
    void whenSeveralRestaurantsShareTheNameTheOldestIsMeant() {
        Restaurant younger = world.restaurant("치킨집", TestWorld.OTHER_OWNER, "치킨:1000");

        assertThatThrownBy(() -> place(CUSTOMER, byName("치킨집", "k1", new LineRequest(item(younger, "치킨"), 1))))
                .isInstanceOf(BusinessRuleViolationException.class);
        assertThat(place(CUSTOMER, byName("치킨집", "k2", line("콜라", 1))).order().restaurantId())
                .isEqualTo(chicken.id());
    }

    @Test
    void anUnknownRestaurantIdIsUnprocessableOnRestaurantId() {
        assertThatThrownBy(() -> place(CUSTOMER, byId(RestaurantId.of(999), "k1", line("콜라", 1))))
                .isInstanceOfSatisfying(BusinessRuleViolationException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("restaurant_id"));
        assertThat(world.orders.size()).isZero();
    }

    @Test
    void anUnknownRestaurantNameIsUnprocessableOnRestaurantName() {
        assertThatThrownBy(() -> place(CUSTOMER, byName("치킨", "k1", line("콜라", 1))))
                .isInstanceOfSatisfying(BusinessRuleViolationException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("restaurant_name"));
    }

    @Test
    void itemsNotOnTheMenuOrSoldOutAreUnprocessableEachOnItsOwnLine() {
        Restaurant pizza = world.pizzaPlace();
        world.app.restaurants().changeMenuItem(OWNER, new ChangeMenuItemCommand(chicken.id(), item(chicken, "콜라"),
                Optional.empty(), Optional.of(false)));

        assertThatThrownBy(() -> place(CUSTOMER, byId(chicken.id(), "k1", line("후라이드치킨", 1),
                new LineRequest(item(pizza, "페퍼로니피자"), 1), line("콜라", 1),
                new LineRequest(MenuItemId.of(999), 1))))
                .isInstanceOfSatisfying(BusinessRuleViolationException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field)
                        .containsExactly("items[1].menu_item_id", "items[2].menu_item_id", "items[3].menu_item_id"));
        assertThat(world.orders.size()).isZero();
    }

    @Test
    void aMalformedCommandListsEveryProblemAtOnce() {
        assertThatThrownBy(() -> new PlaceOrderCommand(Optional.empty(), Optional.of(" "),
                List.of(new LineRequest(MenuItemId.of(1), 0), new LineRequest(MenuItemId.of(1), 100)), " ", "k1"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("restaurant_id",
                                "items[0].quantity", "items[1].quantity", "delivery_address"));
    }

    @Test
    void anOrderNeedsOneToFiftyLinesAndAnAddressOfAtMostFiveHundredCharacters() {
        LineRequest one = new LineRequest(MenuItemId.of(1), 1);
        assertThatThrownBy(() -> new PlaceOrderCommand(Optional.of(chicken.id()), Optional.empty(), List.of(),
                "x".repeat(501), "k1"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("items", "delivery_address"));
        assertThatThrownBy(() -> new PlaceOrderCommand(Optional.of(chicken.id()), Optional.empty(),
                Collections.nCopies(51, one), ADDRESS, "k1"))
                .isInstanceOf(InvalidInputException.class);
        new PlaceOrderCommand(Optional.of(chicken.id()), Optional.empty(), Collections.nCopies(50, one),
                "주".repeat(500), "k1");
    }

    @Test
    void theSameCreationKeyReturnsTheExistingOrderAndCreatesNothing() {
        Order first = place(CUSTOMER, byId(chicken.id(), "k1", line("콜라", 1))).order();
        world.clock.advance(TestWorld.STEP);

        PlacedOrder again = place(CUSTOMER, byId(chicken.id(), "k1", line("양념치킨", 5)));

        assertThat(again.alreadyPlaced()).isTrue();
        assertThat(again.order().id()).isEqualTo(first.id());
        assertThat(again.order().lines()).isEqualTo(first.lines());
        assertThat(world.orders.size()).isEqualTo(1);
        assertThat(world.app.orderQueries().history(ADMIN, first.id())).hasSize(1);
    }

    @Test
    void creationKeysAreScopedToTheCustomer() {
        Order mine = place(CUSTOMER, byId(chicken.id(), "k1", line("콜라", 1))).order();
        PlacedOrder theirs = place(OTHER_CUSTOMER, byId(chicken.id(), "k1", line("콜라", 1)));

        assertThat(theirs.alreadyPlaced()).isFalse();
        assertThat(theirs.order().id()).isNotEqualTo(mine.id());
        assertThat(world.orders.size()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "restaurant_owner", "rider"})
    void onlyCustomersPlaceOrders(String role) {
        Actor actor = Actor.of(role + "-1", Role.fromWireName(role).orElseThrow());

        assertThatThrownBy(() -> place(actor, byId(chicken.id(), "k1", line("콜라", 1))))
                .isInstanceOf(ActionNotPermittedException.class);
        assertThat(world.orders.size()).isZero();
    }

    @Test
    void aRiderIsNotACustomerEvenWithACustomersName() {
        Actor impostor = Actor.of(CUSTOMER.id().value(), RIDER.role());

        assertThatThrownBy(() -> place(impostor, byId(chicken.id(), "k1", line("콜라", 1))))
                .isInstanceOf(ActionNotPermittedException.class);
    }
}
