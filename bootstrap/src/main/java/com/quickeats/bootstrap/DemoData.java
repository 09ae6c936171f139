package com.quickeats.bootstrap;

import com.quickeats.order.application.RestaurantUseCases;
import com.quickeats.order.application.port.in.AddMenuItemCommand;
import com.quickeats.order.application.port.in.RegisterRestaurantCommand;
import com.quickeats.order.application.port.out.RestaurantSummary;
import com.quickeats.order.domain.Actor;
import com.quickeats.order.domain.MenuItem;
import com.quickeats.order.domain.Restaurant;
import com.quickeats.order.domain.Role;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The restaurants and menus a demo run starts with, put in through the use cases like any admin and owner
 * would. Seeding adds only what is missing, so a restart (or a start after an interrupted seeding) never
 * duplicates a restaurant or a dish.
 */
final class DemoData {
    static final DemoUser CUSTOMER = new DemoUser("customer-1", Role.CUSTOMER);
    static final DemoUser OWNER = new DemoUser("owner-1", Role.RESTAURANT_OWNER);
    static final DemoUser RIDER = new DemoUser("rider-1", Role.RIDER);
    static final DemoUser ADMIN = new DemoUser("admin-1", Role.ADMIN);
    /** The demo users, in the order their tokens are printed. */
    static final List<DemoUser> USERS = List.of(CUSTOMER, OWNER, RIDER, ADMIN);

    static final List<DemoRestaurant> RESTAURANTS = List.of(
            new DemoRestaurant("치킨집", List.of(
                    new Dish("후라이드치킨", 18_000), new Dish("양념치킨", 19_000),
                    new Dish("반반치킨", 19_000), new Dish("콜라 1.25L", 2_500))),
            new DemoRestaurant("피자집", List.of(
                    new Dish("페퍼로니 피자", 21_000), new Dish("치즈 피자", 19_000), new Dish("갈릭 디핑소스", 500))),
            new DemoRestaurant("분식집", List.of(
                    new Dish("떡볶이", 5_000), new Dish("김밥", 3_500), new Dish("순대", 4_500), new Dish("튀김 세트", 6_000))));

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    /** A signed-in person of the demo: a token subject and role. */
    record DemoUser(String id, Role role) {
        Actor actor() {
            return Actor.of(id, role);
        }
    }

    record DemoRestaurant(String name, List<Dish> menu) {
    }

    record Dish(String name, long price) {
    }

    private DemoData() {
    }

    /** Adds the demo restaurants and dishes that are not there yet; returns how many things it added. */
    static int seed(RestaurantUseCases restaurants) {
        Actor admin = ADMIN.actor();
        Actor owner = OWNER.actor();
        List<RestaurantSummary> existing = restaurants.list(admin);
        int added = 0;
        for (DemoRestaurant demo : RESTAURANTS) {
            Optional<RestaurantSummary> found = existing.stream().filter(r -> r.name().equals(demo.name())).findFirst();
            Restaurant restaurant;
            if (found.isPresent()) {
                restaurant = restaurants.get(admin, found.get().id());
            } else {
                restaurant = restaurants.register(admin, new RegisterRestaurantCommand(demo.name(), OWNER.id()));
                added++;
            }
            Set<String> onMenu = restaurant.menu().stream().map(MenuItem::name).collect(Collectors.toSet());
            for (Dish dish : demo.menu()) {
                if (!onMenu.contains(dish.name())) {
                    restaurants.addMenuItem(owner, new AddMenuItemCommand(restaurant.id(), dish.name(), dish.price()));
                    added++;
                }
            }
        }
        if (added > 0) {
            LOG.info("Seeded the demo data: {} restaurants and dishes added", added);
        }
        return added;
    }
}
