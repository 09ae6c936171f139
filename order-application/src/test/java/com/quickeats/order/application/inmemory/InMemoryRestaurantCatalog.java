package com.quickeats.order.application.inmemory;

import com.quickeats.order.application.port.out.RestaurantCatalog;
import com.quickeats.order.application.port.out.RestaurantSummary;
import com.quickeats.order.domain.MenuItemId;
import com.quickeats.order.domain.Restaurant;
import com.quickeats.order.domain.RestaurantId;
import com.quickeats.order.domain.UserId;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Restaurants in memory; counts the side-loading look-ups so that tests can tell one from N. */
public final class InMemoryRestaurantCatalog implements RestaurantCatalog {
    private final AtomicLong restaurantIds = new AtomicLong();
    private final AtomicLong menuItemIds = new AtomicLong();
    private final AtomicInteger summaryLookups = new AtomicInteger();
    private final TransactionalMap<RestaurantId, Restaurant> restaurants;
    private final KeyLocks<RestaurantId> menuLocks = new KeyLocks<>();
    private final InMemoryTransactions transactions;

    public InMemoryRestaurantCatalog(InMemoryTransactions transactions) {
        this.transactions = transactions;
        this.restaurants = new TransactionalMap<>(transactions);
    }

    @Override
    public RestaurantId nextRestaurantId() {
        return RestaurantId.of(restaurantIds.incrementAndGet());
    }

    @Override
    public MenuItemId nextMenuItemId() {
        return MenuItemId.of(menuItemIds.incrementAndGet());
    }

    @Override
    public void add(Restaurant restaurant) {
        if (restaurants.get(restaurant.id()).isPresent()) {
            throw new IllegalStateException("restaurant " + restaurant.id() + " is already stored");
        }
        restaurants.put(restaurant.id(), restaurant);
    }

    /** Stores the menu only: name and owner stay as they were stored. */
    @Override
    public void saveMenu(Restaurant restaurant) {
        Restaurant stored = restaurants.get(restaurant.id())
                .orElseThrow(() -> new IllegalStateException("restaurant " + restaurant.id() + " is not stored"));
        restaurants.put(stored.id(), Restaurant.rehydrate(stored.id(), stored.name(), stored.ownerId(),
                restaurant.menu()));
    }

    @Override
    public Optional<Restaurant> find(RestaurantId id) {
        return restaurants.get(id);
    }

    /** Holds the restaurant until the unit of work ends, as the row lock in PostgreSQL does. */
    @Override
    public Optional<Restaurant> findForMenuChange(RestaurantId id) {
        if (!menuLocks.hold(transactions.current(), id, Duration.ofSeconds(30))) {
            throw new IllegalStateException("waited 30s for the menu of restaurant " + id);
        }
        return find(id);
    }

    @Override
    public Optional<Restaurant> findByName(String name) {
        return restaurants.values().stream()
                .filter(r -> r.name().equals(name))
                .min(Comparator.comparingLong(r -> r.id().value()));
    }

    @Override
    public List<RestaurantSummary> list() {
        return restaurants.values().stream()
                .sorted(Comparator.comparingLong(r -> r.id().value()))
                .map(InMemoryRestaurantCatalog::summary)
                .toList();
    }

    @Override
    public List<RestaurantSummary> summaries(Collection<RestaurantId> ids) {
        summaryLookups.incrementAndGet();
        return new LinkedHashSet<>(ids).stream()
                .flatMap(id -> restaurants.get(id).stream())
                .map(InMemoryRestaurantCatalog::summary)
                .toList();
    }

    /** How often {@link #summaries} was called. */
    public int summaryLookups() {
        return summaryLookups.get();
    }

    private static RestaurantSummary summary(Restaurant r) {
        return new RestaurantSummary(r.id(), r.name(), r.ownerId());
    }
}
