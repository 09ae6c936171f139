package com.quickeats.order.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A restaurant and its menu. It belongs to one owner, who alone manages the menu; an order's prices
 * come from here, never from the customer.
 */
public final class Restaurant {
    public static final int MAX_NAME_LENGTH = 200;

    private final RestaurantId id;
    private final String name;
    private final UserId ownerId;
    private final List<MenuItem> menu;

    private Restaurant(RestaurantId id, String name, UserId ownerId, List<MenuItem> menu) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = name;
        this.ownerId = Objects.requireNonNull(ownerId, "ownerId");
        this.menu = List.copyOf(menu);
    }

    /** A new restaurant with an empty menu. */
    public static Restaurant register(RestaurantId id, String name, UserId ownerId) {
        Violations violations = new Violations();
        checkName(name, violations);
        violations.throwIfAny(InvalidInputException::new);
        return new Restaurant(id, name, ownerId, List.of());
    }

    /** A restaurant as it was stored. */
    public static Restaurant rehydrate(RestaurantId id, String name, UserId ownerId, List<MenuItem> menu) {
        return new Restaurant(id, name, ownerId, menu);
    }

    public static void checkName(String name, Violations violations) {
        violations.check(name != null && !name.isBlank(), "name", "must not be blank");
        violations.check(name == null || Violations.length(name) <= MAX_NAME_LENGTH, "name",
                "must have at most " + MAX_NAME_LENGTH + " characters");
    }

    /** Puts a new, available item on the menu. */
    public Restaurant addMenuItem(MenuItemId itemId, String itemName, Money price) {
        if (menuItem(itemId).isPresent()) {
            throw new IllegalArgumentException("menu item " + itemId + " is already on the menu");
        }
        List<MenuItem> newMenu = new ArrayList<>(menu);
        newMenu.add(new MenuItem(itemId, itemName, price, true));
        return new Restaurant(id, name, ownerId, newMenu);
    }

    /** Changes an item's price and/or availability; empty means "leave as it is". */
    public Restaurant changeMenuItem(MenuItemId itemId, Optional<Money> newPrice, Optional<Boolean> available) {
        MenuItem item = menuItem(itemId).orElseThrow(() -> BusinessRuleViolationException.of(
                "menu_item_id", "menu item " + itemId + " is not on the menu of restaurant " + id));
        MenuItem changed = item;
        if (newPrice.isPresent()) {
            changed = changed.withPrice(newPrice.get());
        }
        if (available.isPresent()) {
            changed = changed.withAvailability(available.get());
        }
        List<MenuItem> newMenu = new ArrayList<>(menu);
        newMenu.set(menu.indexOf(item), changed);
        return new Restaurant(id, name, ownerId, newMenu);
    }

    public Optional<MenuItem> menuItem(MenuItemId itemId) {
        return menu.stream().filter(i -> i.id().equals(itemId)).findFirst();
    }

    public boolean isOwnedBy(UserId user) {
        return ownerId.equals(user);
    }

    public RestaurantId id() {
        return id;
    }

    public String name() {
        return name;
    }

    public UserId ownerId() {
        return ownerId;
    }

    public List<MenuItem> menu() {
        return menu;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Restaurant other && id.equals(other.id) && name.equals(other.name)
                && ownerId.equals(other.ownerId) && menu.equals(other.menu);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, ownerId, menu);
    }

    @Override
    public String toString() {
        return "Restaurant[" + id + " " + name + " owner=" + ownerId + " menu=" + menu.size() + " items]";
    }
}
