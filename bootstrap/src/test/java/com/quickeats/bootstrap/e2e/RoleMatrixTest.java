package com.quickeats.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Contract §3, cell by cell: who may take which action, and what everybody else gets — 404 when the order is
 * not theirs to see, 403 when they see it but may not act on it. Refused attempts come first; they change
 * nothing, so the one permitted actor succeeds last on the same order.
 */
class RoleMatrixTest extends E2eTest {
    private final Person otherCustomer = Person.customer();
    private final Person otherOwner = Person.owner();
    private final Person someRider = Person.rider();
    private final Person admin = Person.admin();

    @Test
    void payment() {
        Shop.Order order = shop.place();
        expect(order, "payment", Map.of(otherCustomer, 404, order.restaurant().owner(), 403, otherOwner, 404,
                someRider, 404, admin, 403), order.customer());
    }

    @Test
    void acceptance() {
        Shop.Order order = shop.orderIn("pending_acceptance");
        expect(order, "acceptance", Map.of(order.customer(), 403, otherCustomer, 404, otherOwner, 404,
                someRider, 404, admin, 403), order.restaurant().owner());
    }

    @Test
    void preparationComplete() {
        Shop.Order order = shop.orderIn("preparing");
        expect(order, "preparation-complete", Map.of(order.customer(), 403, otherCustomer, 404, otherOwner, 404,
                someRider, 404, admin, 403), order.restaurant().owner());
    }

    @Test
    void pickupByAnyRider() {
        Shop.Order order = shop.orderIn("ready_for_pickup");
        expect(order, "pickup", Map.of(order.customer(), 403, otherCustomer, 404, order.restaurant().owner(), 403,
                otherOwner, 404, admin, 403), Person.rider());
    }

    @Test
    void deliveryByTheOrdersRiderOnly() {
        Person rider = Person.rider();
        Shop.Order order = shop.orderIn("in_transit", rider);
        expect(order, "delivery", Map.of(order.customer(), 403, otherCustomer, 404, order.restaurant().owner(), 403,
                otherOwner, 404, someRider, 404, admin, 403), rider);
    }

    @Test
    void cancellationByTheCustomerBeforePayment() {
        Shop.Order order = shop.place();
        expect(order, "cancellation", Map.of(otherCustomer, 404, order.restaurant().owner(), 403, otherOwner, 404,
                someRider, 404, admin, 403), order.customer());
    }

    @Test
    void cancellationByTheRestaurantDecliningAPaidOrder() {
        Shop.Order order = shop.orderIn("pending_acceptance");
        expect(order, "cancellation", Map.of(otherCustomer, 404, otherOwner, 404, someRider, 404, admin, 403),
                order.restaurant().owner());
    }

    @Test
    void readingAnOrderAndItsHistory() {
        Person rider = Person.rider();
        Shop.Order waiting = shop.orderIn("ready_for_pickup");
        Shop.Order carried = shop.orderIn("in_transit", rider);
        Shop.Order fresh = shop.place();
        Map<Person, Integer> freshReaders = new LinkedHashMap<>();
        freshReaders.put(fresh.customer(), 200);
        freshReaders.put(fresh.restaurant().owner(), 200);
        freshReaders.put(admin, 200);
        freshReaders.put(otherCustomer, 404);
        freshReaders.put(otherOwner, 404);
        freshReaders.put(someRider, 404);
        assertReads(fresh, freshReaders);
        assertReads(waiting, Map.of(someRider, 200, rider, 200, otherOwner, 404));
        assertReads(carried, Map.of(rider, 200, someRider, 404, carried.customer(), 200, admin, 200));
    }

    @Test
    void placingOrdersIsForCustomers() {
        Shop.Restaurant restaurant = shop.restaurant();
        for (Person notCustomer : List.of(restaurant.owner(), someRider, admin)) {
            Reply refused = api.post("/api/v2/orders").as(notCustomer).key(Shop.newKey())
                    .json(Shop.orderBody(restaurant)).send();
            assertThat(refused.status()).as(notCustomer.role()).isEqualTo(403);
        }
        assertThat(api.post("/api/v2/orders").as(otherCustomer).key(Shop.newKey()).json(Shop.orderBody(restaurant))
                .send().status()).isEqualTo(201);
    }

    @Test
    void registeringRestaurantsIsForAdminsAndMenusForTheirOwners() {
        Person owner = Person.owner();
        Object restaurant = Json.object("name", "분식집", "owner_id", owner.sub());
        for (Person notAdmin : List.of(owner, otherCustomer, someRider)) {
            assertThat(api.post("/api/v2/restaurants").as(notAdmin).json(restaurant).send().status())
                    .as(notAdmin.role()).isEqualTo(403);
        }
        Reply registered = api.post("/api/v2/restaurants").as(admin).json(restaurant).send();
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.header("Location")).isEqualTo("/api/v2/restaurants/" + registered.id());

        String items = "/api/v2/restaurants/" + registered.id() + "/menu-items";
        Object item = Json.object("name", "떡볶이", "price", 4_500);
        for (Person notOwner : List.of(otherOwner, otherCustomer, someRider, admin)) {
            assertThat(api.post(items).as(notOwner).json(item).send().status()).as(notOwner.role()).isEqualTo(403);
        }
        Reply added = api.post(items).as(owner).json(item).send();
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.header("Location")).isEqualTo(items + "/" + added.id());
        String patch = items + "/" + added.id();
        assertThat(api.patch(patch).as(otherOwner).json(Json.object("price", 1)).send().status()).isEqualTo(403);
        assertThat(api.patch(patch).as(owner).json(Json.object("price", 5_000, "available", false)).send().status())
                .isEqualTo(200);
    }

    private void expect(Shop.Order order, String action, Map<Person, Integer> refused, Person permitted) {
        String path = "/api/v2/orders/" + order.id() + "/" + action;
        refused.forEach((person, status) -> {
            Reply reply = send(path, person, order);
            assertThat(reply.status()).as(action + " by " + person.role() + " " + person.sub()).isEqualTo(status);
        });
        Reply allowed = send(path, permitted, order);
        assertThat(allowed.status()).as(action + " by " + permitted.role()).isEqualTo(200);
    }

    private Reply send(String path, Person person, Shop.Order order) {
        Api.Call call = api.post(path).as(person).key(Shop.newKey()).ifMatch(order.etag());
        if (path.endsWith("/payment")) {
            call.json(Json.object("payment_method", "point", "amount", order.total()));
        }
        return call.send();
    }

    private void assertReads(Shop.Order order, Map<Person, Integer> readers) {
        readers.forEach((reader, status) -> {
            assertThat(api.get("/api/v2/orders/" + order.id()).as(reader).send().status())
                    .as(reader.sub() + " reading order in " + order.status()).isEqualTo(status);
            assertThat(api.get("/api/v2/orders/" + order.id() + "/events").as(reader).send().status())
                    .as(reader.sub() + " reading history").isEqualTo(status);
        });
    }
}
