package com.quickeats.order.application;

import com.quickeats.order.application.port.in.AddMenuItemCommand;
import com.quickeats.order.application.port.in.ChangeMenuItemCommand;
import com.quickeats.order.application.port.in.RegisterRestaurantCommand;
import com.quickeats.order.application.port.out.RestaurantCatalog;
import com.quickeats.order.application.port.out.RestaurantSummary;
import com.quickeats.order.application.port.out.TransactionRunner;
import com.quickeats.order.domain.AccessPolicy;
import com.quickeats.order.domain.Actor;
import com.quickeats.order.domain.MenuItemId;
import com.quickeats.order.domain.Money;
import com.quickeats.order.domain.Restaurant;
import com.quickeats.order.domain.RestaurantId;
import com.quickeats.order.domain.UserId;
import java.util.List;

/**
 * The restaurant catalogue's use cases: an admin registers restaurants, each owner manages their own
 * menu, and everybody who is signed in may browse.
 */
public final class RestaurantUseCases {
    private final RestaurantCatalog catalog;
    private final TransactionRunner transactions;

    public RestaurantUseCases(RestaurantCatalog catalog, TransactionRunner transactions) {
        this.catalog = catalog;
        this.transactions = transactions;
    }

    public Restaurant register(Actor actor, RegisterRestaurantCommand command) {
        AccessPolicy.checkMayRegisterRestaurants(actor);
        return transactions.inTransaction(() -> {
            Restaurant restaurant = Restaurant.register(catalog.nextRestaurantId(), command.name(),
                    UserId.of(command.ownerId()));
            catalog.add(restaurant);
            return restaurant;
        });
    }

    /** Adds an item and returns the restaurant with it; the new item is the last of its menu. */
    public Restaurant addMenuItem(Actor actor, AddMenuItemCommand command) {
        return transactions.inTransaction(() -> {
            Restaurant restaurant = loadForMenuChange(command.restaurantId());
            AccessPolicy.checkMayManageMenu(actor, restaurant);
            Restaurant changed = restaurant.addMenuItem(catalog.nextMenuItemId(), command.name(),
                    Money.won(command.price()));
            catalog.saveMenu(changed);
            return changed;
        });
    }

    public Restaurant changeMenuItem(Actor actor, ChangeMenuItemCommand command) {
        return transactions.inTransaction(() -> {
            Restaurant restaurant = loadForMenuChange(command.restaurantId());
            AccessPolicy.checkMayManageMenu(actor, restaurant);
            MenuItemId item = command.itemId();
            if (restaurant.menuItem(item).isEmpty()) {
                throw new NotFoundException("menu item " + item + " of restaurant " + restaurant.id());
            }
            Restaurant changed = restaurant.changeMenuItem(item, command.price().map(Money::won),
                    command.available());
            catalog.saveMenu(changed);
            return changed;
        });
    }

    public List<RestaurantSummary> list(Actor actor) {
        return transactions.inTransaction(catalog::list);
    }

    public Restaurant get(Actor actor, RestaurantId id) {
        return transactions.inTransaction(() -> load(id));
    }

    private Restaurant load(RestaurantId id) {
        return catalog.find(id).orElseThrow(() -> notFound(id));
    }

    /** Menu changes of one restaurant take turns, so none saves a stale copy of an item it did not touch. */
    private Restaurant loadForMenuChange(RestaurantId id) {
        return catalog.findForMenuChange(id).orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(RestaurantId id) {
        return new NotFoundException("restaurant " + id);
    }
}
