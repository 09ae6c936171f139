package com.quickeats.adapter.persistence;

import static com.quickeats.order.domain.testing.RestaurantBuilder.aRestaurant;
import static org.assertj.core.api.Assertions.assertThat;

import com.quickeats.order.application.RestaurantUseCases;
import com.quickeats.order.application.port.in.AddMenuItemCommand;
import com.quickeats.order.application.port.in.ChangeMenuItemCommand;
import com.quickeats.order.application.port.out.RestaurantCatalog;
import com.quickeats.order.domain.Actor;
import com.quickeats.order.domain.MenuItem;
import com.quickeats.order.domain.Restaurant;
import com.quickeats.order.domain.Role;
import com.quickeats.testing.postgres.TestDatabase;
import com.quickeats.testing.postgres.WithPostgres;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Menu changes that touch different items of one menu at the same moment, tried 200 times: withdrawing one
 * dish, repricing another and adding two new ones. Every change must survive (none may write back a stale copy
 * of an item it did not touch), and the two new items must get distinct positions at the end of the menu.
 */
@WithPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MenuRaceTest {
    private static final int ROUNDS = 200;
    private static final int CONTENDERS = 4;
    private static final Actor OWNER = Actor.of("owner-race", Role.RESTAURANT_OWNER);

    private Store store;
    private RestaurantCatalog catalog;
    private RestaurantUseCases menus;

    @BeforeAll
    void migrate(TestDatabase database) {
        store = Store.on(database, CONTENDERS + 2);
        catalog = store.adapters.restaurantCatalog();
        menus = new RestaurantUseCases(catalog, store.adapters.transactionRunner());
    }

    @AfterAll
    void close() {
        store.close();
    }

    @Test
    void concurrentChangesToDifferentItemsOfOneMenuAllSurvive() {
        try (Race race = new Race(CONTENDERS)) {
            for (int round = 0; round < ROUNDS; round++) {
                Restaurant restaurant = aRestaurant().withId(catalog.nextRestaurantId().value())
                        .named("경쟁 식당 " + round).ownedBy("owner-race").withEmptyMenu()
                        .withMenuItem(catalog.nextMenuItemId().value(), "짜장면", 7_000)
                        .withMenuItem(catalog.nextMenuItemId().value(), "짬뽕", 8_000)
                        .build();
                catalog.add(restaurant);
                MenuItem withdrawn = restaurant.menu().get(0);
                MenuItem repriced = restaurant.menu().get(1);

                List<Race.Outcome<Restaurant>> outcomes = race.run(i -> () -> switch (i) {
                    case 0 -> menus.changeMenuItem(OWNER, new ChangeMenuItemCommand(restaurant.id(), withdrawn.id(),
                            Optional.empty(), Optional.of(false)));
                    case 1 -> menus.changeMenuItem(OWNER, new ChangeMenuItemCommand(restaurant.id(), repriced.id(),
                            Optional.of(12_345L), Optional.empty()));
                    default -> menus.addMenuItem(OWNER, new AddMenuItemCommand(restaurant.id(), "탕수육 " + i, 15_000));
                });

                assertThat(outcomes).as("round %d", round).allSatisfy(o -> assertThat(o.failure()).isNull());
                List<MenuItem> menu = catalog.find(restaurant.id()).orElseThrow().menu();
                assertThat(menu).as("round %d: menu", round).hasSize(4);
                assertThat(menu.get(0).available()).as("round %d: the withdrawn dish", round).isFalse();
                assertThat(menu.get(0).price()).as("round %d: the withdrawn dish", round).isEqualTo(withdrawn.price());
                assertThat(menu.get(1).price().amount()).as("round %d: the repriced dish", round).isEqualTo(12_345);
                assertThat(menu.get(1).available()).as("round %d: the repriced dish", round).isTrue();
                assertThat(store.count("SELECT count(DISTINCT position) FROM menu_items WHERE restaurant_id = ?",
                        restaurant.id().value())).as("round %d: distinct positions", round).isEqualTo(4L);
            }
        }
    }
}
