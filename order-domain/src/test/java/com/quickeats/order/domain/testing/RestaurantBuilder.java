package com.quickeats.order.domain.testing;

import com.quickeats.order.domain.MenuItemId;
import com.quickeats.order.domain.Money;
import com.quickeats.order.domain.Restaurant;
import com.quickeats.order.domain.RestaurantId;
import com.quickeats.order.domain.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds a {@link Restaurant} the way it comes to exist: registered, then its menu filled item by item,
 * sold-out items switched off afterwards. By default: 치킨집 (id 1) of {@code owner-1}, with three
 * available items and one sold-out item.
 */
public final class RestaurantBuilder {
    public static final RestaurantId CHICKEN_PLACE = RestaurantId.of(1);
    public static final UserId OWNER = UserId.of("owner-1");
    public static final MenuItemId FRIED_CHICKEN = MenuItemId.of(10);
    public static final MenuItemId SEASONED_CHICKEN = MenuItemId.of(11);
    public static final MenuItemId COLA = MenuItemId.of(12);
    /** On the menu but not available. */
    public static final MenuItemId CHEESE_BALLS = MenuItemId.of(13);
    public static final Money FRIED_CHICKEN_PRICE = Money.won(18_000);
    public static final Money SEASONED_CHICKEN_PRICE = Money.won(19_000);
    public static final Money COLA_PRICE = Money.won(2_000);
    public static final Money CHEESE_BALLS_PRICE = Money.won(5_000);

    private record Item(MenuItemId id, String name, Money price, boolean available) {
    }

    private RestaurantId id = CHICKEN_PLACE;
    private String name = "치킨집";
    private UserId owner = OWNER;
    private final List<Item> menu = new ArrayList<>(List.of(
            new Item(FRIED_CHICKEN, "후라이드치킨", FRIED_CHICKEN_PRICE, true),
            new Item(SEASONED_CHICKEN, "양념치킨", SEASONED_CHICKEN_PRICE, true),
            new Item(COLA, "콜라", COLA_PRICE, true),
            new Item(CHEESE_BALLS, "치즈볼", CHEESE_BALLS_PRICE, false)));

    private RestaurantBuilder() {
    }

    public static RestaurantBuilder aRestaurant() {
        return new RestaurantBuilder();
    }

    public RestaurantBuilder withId(long restaurantId) {
        this.id = RestaurantId.of(restaurantId);
        return this;
    }

    public RestaurantBuilder named(String restaurantName) {
        this.name = restaurantName;
        return this;
    }

    public RestaurantBuilder ownedBy(String ownerId) {
        this.owner = UserId.of(ownerId);
        return this;
    }

    public RestaurantBuilder withEmptyMenu() {
        menu.clear();
        return this;
    }

    public RestaurantBuilder withMenuItem(long itemId, String itemName, long price) {
        menu.add(new Item(MenuItemId.of(itemId), itemName, Money.won(price), true));
        return this;
    }

    public RestaurantBuilder withSoldOutMenuItem(long itemId, String itemName, long price) {
        menu.add(new Item(MenuItemId.of(itemId), itemName, Money.won(price), false));
        return this;
    }

    public Restaurant build() {
        Restaurant restaurant = Restaurant.register(id, name, owner);
        for (Item item : menu) {
            restaurant = restaurant.addMenuItem(item.id(), item.name(), item.price());
            if (!item.available()) {
                restaurant = restaurant.changeMenuItem(item.id(), Optional.empty(), Optional.of(false));
            }
        }
        return restaurant;
    }
}
