package com.quickeats.bootstrap.e2e;

import static com.quickeats.bootstrap.e2e.Problems.assertProblem;
import static com.quickeats.bootstrap.e2e.Problems.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Contract §5: the order list's shape, side-loading, limits, cursors and filters. */
class ListingTest extends E2eTest {

    @Test
    void aPageHasResultsNewestFirstTheReferencedRestaurantsOnceAndACursor() {
        Person customer = Person.customer();
        Shop.Restaurant first = shop.restaurant();
        Shop.Restaurant second = shop.restaurant();
        shop.restaurant();
        List<Long> placed = new ArrayList<>();
        for (Shop.Restaurant at : List.of(first, first, second)) {
            placed.add(shop.place(customer, at).id());
        }
        Reply page = api.get("/api/v2/orders").as(customer).send();
        assertThat(page.status()).isEqualTo(200);
        JsonNode body = page.json();
        assertThat(ids(body)).containsExactly(placed.get(2), placed.get(1), placed.get(0));
        assertThat(body.path("next_cursor").isNull()).isTrue();
        assertThat(restaurantIds(body)).containsExactlyInAnyOrder(first.id(), second.id());
        JsonNode included = body.path("included").path("restaurants").get(0);
        assertThat(included.path("name").asText()).isNotBlank();
        assertThat(body.path("results").get(0).path("currency").asText()).isEqualTo("KRW");
    }

    @Test
    void anEmptyPageIncludesNoRestaurants() {
        Reply page = api.get("/api/v2/orders/").as(Person.customer()).send();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().path("results").size()).isZero();
        assertThat(page.json().path("included").path("restaurants").isArray()).isTrue();
        assertThat(page.json().path("included").path("restaurants").size()).isZero();
        assertThat(page.json().path("next_cursor").isNull()).isTrue();
    }

    @Test
    void theLimitIsOneToAHundredAndTwentyByDefault() {
        Person customer = Person.customer();
        Shop.Restaurant restaurant = shop.restaurant();
        for (int i = 0; i < 21; i++) {
            shop.place(customer, restaurant);
        }
        assertThat(api.get("/api/v2/orders").as(customer).send().json().path("results").size()).isEqualTo(20);
        assertThat(api.get("/api/v2/orders?limit=1").as(customer).send().json().path("results").size()).isEqualTo(1);
        assertThat(api.get("/api/v2/orders?limit=100").as(customer).send().json().path("results").size())
                .isEqualTo(21);
        for (String bad : List.of("0", "101", "-1", "abc", "1.5", "", "99999999999999999999")) {
            Reply refused = api.get("/api/v2/orders?limit=" + bad).as(customer).send();
            assertProblem(refused, 400, "malformed-request");
            assertThat(fields(refused)).containsExactly("limit");
        }
    }

    @Test
    void aFullCursorWalkVisitsEveryOrderOnceNewestFirst() {
        Person customer = Person.customer();
        List<Shop.Restaurant> restaurants = List.of(shop.restaurant(), shop.restaurant(), shop.restaurant());
        List<Long> placed = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            placed.add(shop.place(customer, restaurants.get(i % 3)).id());
        }
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String path = "/api/v2/orders?limit=5" + (cursor == null ? "" : "&cursor=" + encode(cursor));
            JsonNode page = api.get(path).as(customer).send().json();
            List<Long> ids = ids(page);
            seen.addAll(ids);
            Set<Long> referenced = new HashSet<>();
            page.path("results").forEach(o -> referenced.add(o.path("restaurant_id").asLong()));
            assertThat(restaurantIds(page)).hasSameSizeAs(referenced).containsExactlyInAnyOrderElementsOf(referenced);
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(5);
        List<Long> newestFirst = new ArrayList<>(placed);
        Collections.reverse(newestFirst);
        assertThat(seen).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void aCursorIsBoundToItsFiltersAndItsCaller() {
        Person customer = Person.customer();
        Shop.Restaurant restaurant = shop.restaurant();
        shop.place(customer, restaurant);
        shop.place(customer, restaurant);
        String cursor = api.get("/api/v2/orders?limit=1").as(customer).send().json().path("next_cursor").asText();
        assertThat(cursor).isNotBlank();
        assertThat(api.get("/api/v2/orders?limit=1&cursor=" + encode(cursor)).as(customer).send().status())
                .isEqualTo(200);

        assertProblem(api.get("/api/v2/orders?status=pending_payment&cursor=" + encode(cursor)).as(customer).send(),
                400, "malformed-request");
        assertProblem(api.get("/api/v2/orders?restaurant_id=" + restaurant.id() + "&cursor=" + encode(cursor))
                .as(customer).send(), 400, "malformed-request");
        assertProblem(api.get("/api/v2/orders?cursor=" + encode(cursor)).as(Person.customer()).send(), 400,
                "malformed-request");
        for (String garbage : List.of("garbage", "djEuMS4yLjMuNA", "%00", "AAAA")) {
            Reply refused = api.get("/api/v2/orders?cursor=" + garbage).as(customer).send();
            assertProblem(refused, 400, "malformed-request");
            assertThat(fields(refused)).containsExactly("cursor");
        }
    }

    @Test
    void filtersNarrowWhatTheCallerMaySeeNeverWidenIt() {
        Person customer = Person.customer();
        Shop.Restaurant restaurant = shop.restaurant();
        Shop.Order pending = shop.place(customer, restaurant);
        Shop.Order paid = shop.pay(shop.place(customer, restaurant));
        Shop.Order someoneElses = shop.place(Person.customer(), restaurant);

        assertThat(ids(api.get("/api/v2/orders?status=pending_acceptance").as(customer).send().json()))
                .containsExactly(paid.id());
        assertThat(ids(api.get("/api/v2/orders?restaurant_id=" + restaurant.id()).as(customer).send().json()))
                .containsExactly(paid.id(), pending.id());
        assertThat(ids(api.get("/api/v2/orders?restaurant_id=" + restaurant.id()).as(restaurant.owner()).send()
                .json())).containsExactly(someoneElses.id(), paid.id(), pending.id());
        assertThat(ids(api.get("/api/v2/orders?restaurant_id=" + restaurant.id()).as(Person.owner()).send().json()))
                .isEmpty();
        assertThat(ids(api.get("/api/v2/orders?restaurant_id=" + restaurant.id() + "&status=pending_payment")
                .as(Person.admin()).send().json())).containsExactly(someoneElses.id(), pending.id());
        assertThat(ids(api.get("/api/v2/orders?restaurant_id=987654321").as(Person.admin()).send().json())).isEmpty();
    }

    @Test
    void aRiderListsTheOrdersWaitingForPickupAndTheirOwn() {
        Person rider = Person.rider();
        Shop.Order waiting = shop.orderIn("ready_for_pickup");
        Shop.Order carried = shop.orderIn("in_transit", rider);
        Shop.Order notYet = shop.orderIn("preparing");
        List<Long> visible = ids(api.get("/api/v2/orders?limit=100").as(rider).send().json());
        assertThat(visible).contains(waiting.id(), carried.id()).doesNotContain(notYet.id());
        assertThat(ids(api.get("/api/v2/orders?limit=100").as(Person.rider()).send().json()))
                .contains(waiting.id()).doesNotContain(carried.id(), notYet.id());
    }

    @Test
    void badFiltersAreAllReportedAtOnce() {
        Reply refused = api.get("/api/v2/orders?status=lost&restaurant_id=abc&limit=0").as(Person.customer()).send();
        assertProblem(refused, 400, "malformed-request");
        assertThat(fields(refused)).containsExactlyInAnyOrder("status", "restaurant_id", "limit");
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.path("results").forEach(o -> ids.add(o.path("id").asLong()));
        return ids;
    }

    private static List<Long> restaurantIds(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.path("included").path("restaurants").forEach(r -> ids.add(r.path("id").asLong()));
        return ids;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
