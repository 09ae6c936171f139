package com.quickeats.order.application;

import static com.quickeats.order.application.TestWorld.ADMIN;
import static com.quickeats.order.application.TestWorld.CUSTOMER;
import static com.quickeats.order.application.TestWorld.OTHER_OWNER;
import static com.quickeats.order.application.TestWorld.OWNER;
import static com.quickeats.order.application.TestWorld.RIDER;
import static com.quickeats.order.application.TestWorld.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quickeats.order.application.port.in.AddMenuItemCommand;
import com.quickeats.order.application.port.in.ChangeMenuItemCommand;
import com.quickeats.order.application.port.in.RegisterRestaurantCommand;
import com.quickeats.order.application.port.out.RestaurantSummary;
import com.quickeats.order.domain.ActionNotPermittedException;
import com.quickeats.order.domain.Actor;
import com.quickeats.order.domain.FieldViolation;
import com.quickeats.order.domain.InvalidInputException;
import com.quickeats.order.domain.MenuItem;
import com.quickeats.order.domain.MenuItemId;
import com.quickeats.order.domain.Money;
import com.quickeats.order.domain.Restaurant;
import com.quickeats.order.domain.RestaurantId;
import com.quickeats.order.domain.Role;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An admin opens restaurants; each owner alone keeps their menu; everybody may browse. */
class RestaurantUseCasesTest {
    private final TestWorld world = new TestWorld();
    private final RestaurantUseCases restaurants = world.app.restaurants();

    @Test
    void anAdminRegistersARestaurantForItsOwnerWithAnEmptyMenu() {
        Restaurant registered = restaurants.register(ADMIN, new RegisterRestaurantCommand("치킨집", "owner-1"));

        assertThat(registered.ownerId()).isEqualTo(OWNER.id());
        assertThat(registered.menu()).isEmpty();
        assertThat(restaurants.get(CUSTOMER, registered.id())).isEqualTo(registered);
    }

    @Test
    void nobodyButAnAdminRegistersRestaurants() {
        for (Actor actor : new Actor[] {CUSTOMER, OWNER, RIDER}) {
            assertThatThrownBy(() -> restaurants.register(actor, new RegisterRestaurantCommand("내 가게", "owner-1")))
                    .as("%s", actor).isInstanceOf(ActionNotPermittedException.class);
        }
        assertThat(restaurants.list(ADMIN)).isEmpty();
    }

    @Test
    void aRegistrationListsEveryProblemAtOnce() {
        assertThatThrownBy(() -> new RegisterRestaurantCommand(" ", ""))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("name", "owner_id"));
        assertThatThrownBy(() -> new RegisterRestaurantCommand("집".repeat(201), "o".repeat(256)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("name", "owner_id"));
    }

    @Test
    void theOwnerPutsItemsOnTheMenuAvailableAndInOrder() {
        Restaurant restaurant = world.chickenPlace();

        assertThat(restaurant.menu()).extracting(MenuItem::name).containsExactly("후라이드치킨", "양념치킨", "콜라");
        assertThat(restaurant.menu()).allSatisfy(i -> assertThat(i.available()).isTrue());
        assertThat(restaurants.get(RIDER, restaurant.id()).menu()).isEqualTo(restaurant.menu());
    }

    @Test
    void nobodyButTheOwnerChangesTheMenu() {
        Restaurant restaurant = world.chickenPlace();
        MenuItemId cola = item(restaurant, "콜라");

        for (Actor actor : new Actor[] {OTHER_OWNER, ADMIN, CUSTOMER, RIDER, Actor.of("owner-1", Role.CUSTOMER)}) {
            assertThatThrownBy(() -> restaurants.addMenuItem(actor, new AddMenuItemCommand(restaurant.id(), "물", 0)))
                    .as("%s", actor).isInstanceOf(ActionNotPermittedException.class);
            assertThatThrownBy(() -> restaurants.changeMenuItem(actor, new ChangeMenuItemCommand(restaurant.id(),
                    cola, Optional.of(1L), Optional.empty()))).isInstanceOf(ActionNotPermittedException.class);
        }
        assertThat(restaurants.get(ADMIN, restaurant.id())).isEqualTo(restaurant);
    }

    @Test
    void theOwnerChangesAPriceAndAvailability() {
        Restaurant restaurant = world.chickenPlace();
        MenuItemId cola = item(restaurant, "콜라");

        restaurants.changeMenuItem(OWNER, new ChangeMenuItemCommand(restaurant.id(), cola, Optional.of(2_500L),
                Optional.of(false)));

        MenuItem changed = restaurants.get(CUSTOMER, restaurant.id()).menuItem(cola).orElseThrow();
        assertThat(changed.price()).isEqualTo(Money.won(2_500));
        assertThat(changed.available()).isFalse();
    }

    @Test
    void anUnknownMenuItemIsNotFound() {
        Restaurant restaurant = world.chickenPlace();
        MenuItemId pizzasItem = item(world.pizzaPlace(), "페퍼로니피자");

        assertThatThrownBy(() -> restaurants.changeMenuItem(OWNER, new ChangeMenuItemCommand(restaurant.id(),
                pizzasItem, Optional.empty(), Optional.of(false)))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anUnknownRestaurantIsNotFound() {
        RestaurantId unknown = RestaurantId.of(999);

        assertThatThrownBy(() -> restaurants.get(CUSTOMER, unknown)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> restaurants.addMenuItem(OWNER, new AddMenuItemCommand(unknown, "물", 0)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> restaurants.changeMenuItem(OWNER, new ChangeMenuItemCommand(unknown,
                MenuItemId.of(1), Optional.empty(), Optional.of(true)))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aMenuItemNeedsANameAndAPriceWithinBounds() {
        assertThatThrownBy(() -> new AddMenuItemCommand(RestaurantId.of(1), " ", -1))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("name", "price"));
        assertThatThrownBy(() -> new AddMenuItemCommand(RestaurantId.of(1), "금", MenuItem.MAX_PRICE + 1))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new ChangeMenuItemCommand(RestaurantId.of(1), MenuItemId.of(1), Optional.empty(),
                Optional.empty())).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void everybodyBrowsesTheRestaurantsByIdWithoutMenus() {
        Restaurant chicken = world.chickenPlace();
        Restaurant pizza = world.pizzaPlace();

        assertThat(restaurants.list(CUSTOMER)).containsExactly(
                new RestaurantSummary(chicken.id(), "치킨집", OWNER.id()),
                new RestaurantSummary(pizza.id(), "피자집", OTHER_OWNER.id()));
    }

    @Test
    void aRefusedMenuChangeLeavesNoTrace() {
        Restaurant restaurant = world.chickenPlace();

        assertThatThrownBy(() -> restaurants.addMenuItem(OTHER_OWNER, new AddMenuItemCommand(restaurant.id(), "물",
                0))).isInstanceOf(ActionNotPermittedException.class);

        assertThat(restaurants.get(OWNER, restaurant.id()).menu()).hasSize(3);
        assertThat(world.transactions.rollbacks()).isEqualTo(1);
    }
}
