package com.quickeats.order.application.port.out;

import com.quickeats.order.domain.MenuItemId;
import com.quickeats.order.domain.Restaurant;
import com.quickeats.order.domain.RestaurantId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where restaurants and their menus live. */
public interface RestaurantCatalog {

    RestaurantId nextRestaurantId();

    MenuItemId nextMenuItemId();

    /** Stores a new restaurant (with whatever menu it has). */
    void add(Restaurant restaurant);

    /** Stores the restaurant's current menu: new items are inserted, changed ones updated. */
    void saveMenu(Restaurant restaurant);

    /** The restaurant with its whole menu. */
    Optional<Restaurant> find(RestaurantId id);

    /**
     * The restaurant with its whole menu, which no other unit of work may change until this one ends: a menu
     * change reads the menu, changes it and saves it, and two of them must not save over each other.
     */
    Optional<Restaurant> findForMenuChange(RestaurantId id);

    /** The restaurant whose name is exactly {@code name}, with its menu; the lowest id if several share it. */
    Optional<Restaurant> findByName(String name);

    /** All restaurants without menus, by id. */
    List<RestaurantSummary> list();

    /** The named restaurants without menus, loaded in one round trip; unknown ids are left out. */
    List<RestaurantSummary> summaries(Collection<RestaurantId> ids);
}
