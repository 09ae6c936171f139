package com.quickeats.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.quickeats.order.application.RestaurantUseCases;
import com.quickeats.order.application.port.out.RestaurantCatalog;
import com.quickeats.order.application.port.out.RestaurantSummary;
import com.quickeats.order.application.port.out.TransactionRunner;
import com.quickeats.order.domain.MenuItem;
import com.quickeats.order.domain.MenuItemId;
import com.quickeats.order.domain.Restaurant;
import com.quickeats.order.domain.RestaurantId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class DemoDataTest {
    private final InMemoryCatalog catalog = new InMemoryCatalog();
    private final RestaurantUseCases restaurants = new RestaurantUseCases(catalog, new TransactionRunner() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }
    });

    @Test
    void seedsTheChickenPlaceWithItsMenuOwnedByTheDemoOwner() {
        DemoData.seed(restaurants);

        Restaurant chicken = catalog.findByName("치킨집").orElseThrow();
        assertThat(chicken.ownerId().value()).isEqualTo("owner-1");
        assertThat(chicken.menu()).extracting(MenuItem::name).contains("후라이드치킨", "양념치킨");
        assertThat(chicken.menu()).allSatisfy(item -> assertThat(item.available()).isTrue());
        assertThat(catalog.list()).extracting(RestaurantSummary::name).containsExactly("치킨집", "피자집", "분식집");
    }

    @Test
    void seedingAgainAddsNothing() {
        int first = DemoData.seed(restaurants);
        int second = DemoData.seed(restaurants);

        assertThat(first).isPositive();
        assertThat(second).isZero();
        assertThat(catalog.list()).hasSize(DemoData.RESTAURANTS.size());
    }

    @Test
    void aSeedingCutShortIsCompletedWithoutDuplicates() {
        Restaurant partial = restaurants.register(DemoData.ADMIN.actor(),
                new com.quickeats.order.application.port.in.RegisterRestaurantCommand("치킨집", "owner-1"));
        restaurants.addMenuItem(DemoData.OWNER.actor(),
                new com.quickeats.order.application.port.in.AddMenuItemCommand(partial.id(), "후라이드치킨", 18_000));

        DemoData.seed(restaurants);

        Restaurant chicken = catalog.findByName("치킨집").orElseThrow();
        assertThat(chicken.menu()).extracting(MenuItem::name).doesNotHaveDuplicates()
                .hasSize(DemoData.RESTAURANTS.get(0).menu().size());
        assertThat(catalog.list()).extracting(RestaurantSummary::name).doesNotHaveDuplicates();
    }

    /** Just enough of a catalogue to seed into. */
    private static final class InMemoryCatalog implements RestaurantCatalog {
        private final Map<Long, Restaurant> restaurants = new TreeMap<>();
        private final AtomicLong ids = new AtomicLong();

        @Override
        public RestaurantId nextRestaurantId() {
            return RestaurantId.of(ids.incrementAndGet());
        }

        @Override
        public MenuItemId nextMenuItemId() {
            return MenuItemId.of(ids.incrementAndGet());
        }

        @Override
        public void add(Restaurant restaurant) {
            restaurants.put(restaurant.id().value(), restaurant);
        }

        @Override
        public void saveMenu(Restaurant restaurant) {
            restaurants.put(restaurant.id().value(), restaurant);
        }

        @Override
        public Optional<Restaurant> find(RestaurantId id) {
            return Optional.ofNullable(restaurants.get(id.value()));
        }

        @Override
        public Optional<Restaurant> findForMenuChange(RestaurantId id) {
            return find(id);
        }

        @Override
        public Optional<Restaurant> findByName(String name) {
            return restaurants.values().stream().filter(r -> r.name().equals(name))
                    .min(Comparator.comparingLong(r -> r.id().value()));
        }

        @Override
        public List<RestaurantSummary> list() {
            return restaurants.values().stream().map(r -> new RestaurantSummary(r.id(), r.name(), r.ownerId())).toList();
        }

        @Override
        public List<RestaurantSummary> summaries(Collection<RestaurantId> ids) {
            return list().stream().filter(r -> ids.contains(r.id())).toList();
        }
    }
}
