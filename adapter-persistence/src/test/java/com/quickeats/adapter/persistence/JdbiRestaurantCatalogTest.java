package com.quickeats.adapter.persistence;

import static com.quickeats.order.domain.testing.RestaurantBuilder.aRestaurant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quickeats.order.application.port.out.RestaurantCatalog;
import com.quickeats.order.application.port.out.RestaurantSummary;
import com.quickeats.order.domain.MenuItem;
import com.quickeats.order.domain.MenuItemId;
import com.quickeats.order.domain.Money;
import com.quickeats.order.domain.Restaurant;
import com.quickeats.order.domain.RestaurantId;
import com.quickeats.order.domain.UserId;
import com.quickeats.testing.postgres.TestDatabase;
import com.quickeats.testing.postgres.WithPostgres;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@WithPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbiRestaurantCatalogTest {
    private Store store;
    private RestaurantCatalog catalog;

    @BeforeAll
    void migrate(TestDatabase database) {
        store = Store.on(database);
        catalog = store.adapters.restaurantCatalog();
    }

    @AfterAll
    void close() {
        store.close();
    }

    @Test
    void everyFieldOfARestaurantAndItsMenuSurvivesTheRoundTrip() {
        Restaurant restaurant = Restaurant.rehydrate(catalog.nextRestaurantId(), "치킨집 본점", UserId.of("사장님-치킨"),
                List.of(item(catalog.nextMenuItemId(), "양념치킨", 19_000, true),
                        item(catalog.nextMenuItemId(), "후라이드치킨", 18_000, true),
                        item(catalog.nextMenuItemId(), "치즈볼", 5_000, false),
                        item(catalog.nextMenuItemId(), "무료 콜라", 0, true)));

        catalog.add(restaurant);

        assertThat(catalog.find(restaurant.id())).contains(restaurant);
    }

    @Test
    void theMenuKeepsItsOrderEvenWhenIdsDoNot() {
        MenuItemId later = catalog.nextMenuItemId();
        MenuItemId earlier = catalog.nextMenuItemId();
        Restaurant restaurant = Restaurant.rehydrate(catalog.nextRestaurantId(), "순서 식당", UserId.of("owner-order"),
                List.of(item(earlier, "둘째", 2_000, true), item(later, "첫째", 1_000, true)));

        catalog.add(restaurant);

        assertThat(catalog.find(restaurant.id()).orElseThrow().menu()).extracting(MenuItem::name)
                .containsExactly("둘째", "첫째");
    }

    @Test
    void savingTheMenuInsertsNewItemsAndUpdatesChangedOnes() {
        Restaurant registered = Restaurant.register(catalog.nextRestaurantId(), "분식집", UserId.of("owner-snack"));
        catalog.add(registered);
        MenuItemId tteokbokki = catalog.nextMenuItemId();
        Restaurant withItem = registered.addMenuItem(tteokbokki, "떡볶이", Money.won(4_500));
        catalog.saveMenu(withItem);

        Restaurant changed = withItem
                .changeMenuItem(tteokbokki, Optional.of(Money.won(5_000)), Optional.of(false))
                .addMenuItem(catalog.nextMenuItemId(), "순대", Money.won(4_000));
        catalog.saveMenu(changed);

        assertThat(catalog.find(registered.id())).contains(changed);
    }

    @Test
    void aMenuItemNeverMovesToAnotherRestaurant() {
        Restaurant first = aRestaurant().withId(catalog.nextRestaurantId().value()).withEmptyMenu()
                .withMenuItem(catalog.nextMenuItemId().value(), "김밥", 3_000).build();
        catalog.add(first);
        MenuItemId taken = first.menu().get(0).id();
        Restaurant thief = Restaurant.rehydrate(catalog.nextRestaurantId(), "도둑 식당", UserId.of("owner-thief"),
                List.of(item(taken, "훔친 김밥", 1, true)));

        assertThatThrownBy(() -> catalog.add(thief)).isInstanceOf(IllegalStateException.class);

        assertThat(catalog.find(first.id())).contains(first);
        assertThat(catalog.find(thief.id())).as("the failed add was rolled back as a whole").isEmpty();
    }

    @Test
    void findingByNameIsExactAndPrefersTheLowestId() {
        Restaurant older = Restaurant.register(catalog.nextRestaurantId(), "같은 이름", UserId.of("owner-a"));
        Restaurant newer = Restaurant.register(catalog.nextRestaurantId(), "같은 이름", UserId.of("owner-b"));
        catalog.add(newer);
        catalog.add(older);

        assertThat(catalog.findByName("같은 이름")).contains(older);
        assertThat(catalog.findByName("같은")).isEmpty();
        assertThat(catalog.findByName("같은 이름 ")).isEmpty();
    }

    @Test
    void summariesAreLoadedInOneStatementAndLeaveUnknownIdsOut() {
        Restaurant a = Restaurant.register(catalog.nextRestaurantId(), "A 식당", UserId.of("owner-a"));
        Restaurant b = Restaurant.register(catalog.nextRestaurantId(), "B 식당", UserId.of("owner-b"));
        catalog.add(a);
        catalog.add(b);
        int before = store.statementCount();

        List<RestaurantSummary> found = catalog.summaries(List.of(b.id(), a.id(), RestaurantId.of(999_999), a.id()));

        assertThat(store.statementCount() - before).isEqualTo(1);
        assertThat(found).containsExactly(
                new RestaurantSummary(a.id(), "A 식당", UserId.of("owner-a")),
                new RestaurantSummary(b.id(), "B 식당", UserId.of("owner-b")));
        assertThat(catalog.summaries(List.of())).isEmpty();
    }

    @Test
    void theListShowsEveryRestaurantByIdWithoutMenus() {
        Restaurant restaurant = Restaurant.register(catalog.nextRestaurantId(), "목록 식당", UserId.of("owner-list"));
        catalog.add(restaurant);

        List<RestaurantSummary> all = catalog.list();

        assertThat(all).contains(new RestaurantSummary(restaurant.id(), "목록 식당", UserId.of("owner-list")));
        assertThat(all).extracting(s -> s.id().value()).isSorted();
    }

    @Test
    void unknownRestaurantsAreNotFound() {
        assertThat(catalog.find(RestaurantId.of(123_456_789))).isEmpty();
        assertThat(catalog.findByName("없는 식당")).isEmpty();
    }

    @Test
    void identitiesComeFromSequences() {
        assertThat(catalog.nextRestaurantId().value()).isLessThan(catalog.nextRestaurantId().value());
        assertThat(catalog.nextMenuItemId().value()).isLessThan(catalog.nextMenuItemId().value());
    }

    private static MenuItem item(MenuItemId id, String name, long price, boolean available) {
        return new MenuItem(id, name, Money.won(price), available);
    }
}
