package com.quickeats.order.domain;

import static com.quickeats.order.domain.testing.RestaurantBuilder.CHEESE_BALLS;
import static com.quickeats.order.domain.testing.RestaurantBuilder.COLA;
import static com.quickeats.order.domain.testing.RestaurantBuilder.FRIED_CHICKEN;
import static com.quickeats.order.domain.testing.RestaurantBuilder.aRestaurant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A restaurant is registered with an empty menu, which its owner then fills and changes. */
class RestaurantTest {
    private static final RestaurantId ID = RestaurantId.of(7);
    private static final UserId OWNER = UserId.of("owner-7");
    private static final MenuItemId TTEOKBOKKI = MenuItemId.of(70);

    @Test
    void registeringARestaurantStartsWithAnEmptyMenu() {
        Restaurant restaurant = Restaurant.register(ID, "분식집", OWNER);

        assertThat(restaurant.id()).isEqualTo(ID);
        assertThat(restaurant.name()).isEqualTo("분식집");
        assertThat(restaurant.ownerId()).isEqualTo(OWNER);
        assertThat(restaurant.menu()).isEmpty();
        assertThat(restaurant.isOwnedBy(OWNER)).isTrue();
        assertThat(restaurant.isOwnedBy(UserId.of("owner-8"))).isFalse();
    }

    @ParameterizedTest(name = "name \"{0}\"")
    @NullSource
    @ValueSource(strings = {"", "   "})
    void aRestaurantNeedsAName(String name) {
        assertInvalid(() -> Restaurant.register(ID, name, OWNER), "name");
    }

    @Test
    void aRestaurantNameHasAtMost200Characters() {
        assertThat(Restaurant.register(ID, "집".repeat(200), OWNER).name()).hasSize(200);
        assertInvalid(() -> Restaurant.register(ID, "집".repeat(201), OWNER), "name");
    }

    @Test
    void addingAMenuItemPutsItOnTheMenuAvailable() {
        Restaurant registered = Restaurant.register(ID, "분식집", OWNER);

        Restaurant withItem = registered.addMenuItem(TTEOKBOKKI, "떡볶이", Money.won(4_500));

        assertThat(withItem.menu()).containsExactly(new MenuItem(TTEOKBOKKI, "떡볶이", Money.won(4_500), true));
        assertThat(withItem.menuItem(TTEOKBOKKI)).isPresent();
        assertThat(registered.menu()).as("the registered instance is left as it was").isEmpty();
    }

    @Test
    void anItemCannotBeAddedTwice() {
        Restaurant restaurant = Restaurant.register(ID, "분식집", OWNER)
                .addMenuItem(TTEOKBOKKI, "떡볶이", Money.won(4_500));

        assertThatThrownBy(() -> restaurant.addMenuItem(TTEOKBOKKI, "순대", Money.won(5_000)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMenuItemNeedsANameAndAPriceUpToOneHundredMillionWon() {
        Restaurant restaurant = Restaurant.register(ID, "분식집", OWNER);

        assertInvalid(() -> restaurant.addMenuItem(TTEOKBOKKI, " ", Money.won(MenuItem.MAX_PRICE + 1)),
                "name", "price");
        assertInvalid(() -> restaurant.addMenuItem(TTEOKBOKKI, "떡볶이", null), "price");
        assertThat(restaurant.addMenuItem(TTEOKBOKKI, "떡볶이", Money.won(MenuItem.MAX_PRICE)).menu()).hasSize(1);
    }

    @Test
    void changingAnItemsPriceKeepsItsAvailability() {
        Restaurant changed = aRestaurant().build()
                .changeMenuItem(FRIED_CHICKEN, Optional.of(Money.won(20_000)), Optional.empty());

        assertThat(changed.menuItem(FRIED_CHICKEN)).contains(
                new MenuItem(FRIED_CHICKEN, "후라이드치킨", Money.won(20_000), true));
    }

    @Test
    void changingAnItemsAvailabilityKeepsItsPrice() {
        Restaurant restaurant = aRestaurant().build();

        Restaurant soldOut = restaurant.changeMenuItem(COLA, Optional.empty(), Optional.of(false));
        Restaurant backAgain = restaurant.changeMenuItem(CHEESE_BALLS, Optional.empty(), Optional.of(true));

        assertThat(soldOut.menuItem(COLA)).contains(new MenuItem(COLA, "콜라", Money.won(2_000), false));
        assertThat(backAgain.menuItem(CHEESE_BALLS).orElseThrow().available()).isTrue();
        assertThat(backAgain.menuItem(CHEESE_BALLS).orElseThrow().price()).isEqualTo(Money.won(5_000));
    }

    @Test
    void changingOneItemLeavesTheRestOfTheMenuInPlace() {
        Restaurant restaurant = aRestaurant().build();

        Restaurant changed = restaurant.changeMenuItem(COLA, Optional.of(Money.won(2_500)), Optional.of(false));

        assertThat(changed.menu()).extracting(MenuItem::id)
                .containsExactlyElementsOf(restaurant.menu().stream().map(MenuItem::id).toList());
        assertThat(changed.menu()).filteredOn(item -> !item.id().equals(COLA))
                .containsExactlyElementsOf(restaurant.menu().stream().filter(i -> !i.id().equals(COLA)).toList());
        assertThat(changed).isNotEqualTo(restaurant);
    }

    @Test
    void changingNothingLeavesTheItemAsItWas() {
        Restaurant restaurant = aRestaurant().build();

        assertThat(restaurant.changeMenuItem(COLA, Optional.empty(), Optional.empty())).isEqualTo(restaurant);
    }

    @Test
    void changingAnItemThatIsNotOnTheMenuIsUnprocessable() {
        assertThatThrownBy(() -> aRestaurant().build()
                .changeMenuItem(MenuItemId.of(999), Optional.of(Money.won(1)), Optional.empty()))
                .isInstanceOfSatisfying(BusinessRuleViolationException.class, refused ->
                        assertThat(refused.violations()).extracting(FieldViolation::field)
                                .containsExactly("menu_item_id"));
    }

    @Test
    void aNewPriceAboveTheLimitIsRefused() {
        assertInvalid(() -> aRestaurant().build()
                .changeMenuItem(COLA, Optional.of(Money.won(MenuItem.MAX_PRICE + 1)), Optional.empty()), "price");
    }

    @Test
    void theBuilderMakesASmallMenuWithOneSoldOutItem() {
        Restaurant restaurant = aRestaurant().build();

        assertThat(restaurant.ownerId()).isEqualTo(UserId.of("owner-1"));
        assertThat(restaurant.menu()).hasSize(4);
        assertThat(restaurant.menu()).filteredOn(item -> !item.available()).extracting(MenuItem::id)
                .containsExactly(CHEESE_BALLS);
    }

    private static void assertInvalid(ThrowingCallable action, String... fields) {
        assertThatThrownBy(action).isInstanceOfSatisfying(InvalidInputException.class, refused ->
                assertThat(refused.violations()).extracting(FieldViolation::field).containsExactly(fields));
    }
}
