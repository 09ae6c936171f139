package com.quickeats.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;

/**
 * Sets the scene through the API itself, as a client would: an admin registers restaurants for owners,
 * owners put items on their menus, customers place orders, and orders are walked to any status.
 */
final class Shop {
    static final String ADDRESS = "서울특별시 강남구 테헤란로 152";
    static final long CHICKEN_PRICE = 18_000;
    static final long COLA_PRICE = 2_000;

    private final Api api;
    private final Person admin = Person.admin();

    Shop(Api api) {
        this.api = api;
    }

    /** A restaurant with two items on its menu, owned by {@code owner}. */
    record Restaurant(long id, String name, Person owner, long chickenId, long colaId) {
    }

    /** An order as last seen: its id and ETag, and who placed it where. */
    record Order(long id, String etag, Person customer, Restaurant restaurant, JsonNode body) {
        String status() {
            return body.path("status").asText();
        }

        long total() {
            return body.path("total_amount").asLong();
        }
    }

    Restaurant restaurant(Person owner) {
        String name = "치킨집 " + UUID.randomUUID().toString().substring(0, 8);
        Reply created = api.post("/api/v2/restaurants").as(admin)
                .json(Json.object("name", name, "owner_id", owner.sub())).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.id();
        return new Restaurant(id, name, owner, menuItem(owner, id, "후라이드치킨", CHICKEN_PRICE),
                menuItem(owner, id, "콜라", COLA_PRICE));
    }

    Restaurant restaurant() {
        return restaurant(Person.owner());
    }

    long menuItem(Person owner, long restaurantId, String name, long price) {
        Reply added = api.post("/api/v2/restaurants/" + restaurantId + "/menu-items").as(owner)
                .json(Json.object("name", name, "price", price)).send();
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added.id();
    }

    /** The body of an order for two chickens and a cola at {@code restaurant}. */
    static Object orderBody(Restaurant restaurant) {
        return Json.object("restaurant_id", restaurant.id(), "items", List.of(
                Json.object("menu_item_id", restaurant.chickenId(), "quantity", 2),
                Json.object("menu_item_id", restaurant.colaId(), "quantity", 1)),
                "delivery_address", ADDRESS);
    }

    static String newKey() {
        return UUID.randomUUID().toString();
    }

    Order place(Person customer, Restaurant restaurant) {
        Reply placed = api.post("/api/v2/orders").as(customer).key(newKey()).json(orderBody(restaurant)).send();
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        return new Order(placed.id(), placed.etag(), customer, restaurant, placed.json());
    }

    Order place() {
        return place(Person.customer(), restaurant());
    }

    Order pay(Order order) {
        Reply paid = api.post("/api/v2/orders/" + order.id() + "/payment").as(order.customer()).key(newKey())
                .ifMatch(order.etag()).json(Json.object("payment_method", "card", "amount", order.total())).send();
        return expectOk(order, paid);
    }

    Order act(Order order, String action, Person actor) {
        Reply reply = api.post("/api/v2/orders/" + order.id() + "/" + action).as(actor).ifMatch(order.etag()).send();
        return expectOk(order, reply);
    }

    /** A fresh order walked to {@code status} by its customer, owner and (from pickup on) {@code rider}. */
    Order orderIn(String status, Person rider) {
        Order order = place();
        List<String> path = List.of("pending_payment", "pending_acceptance", "preparing", "ready_for_pickup",
                "in_transit", "delivered");
        if (status.equals("cancelled")) {
            return act(order, "cancellation", order.customer());
        }
        int target = path.indexOf(status);
        if (target >= 1) {
            order = pay(order);
        }
        if (target >= 2) {
            order = act(order, "acceptance", order.restaurant().owner());
        }
        if (target >= 3) {
            order = act(order, "preparation-complete", order.restaurant().owner());
        }
        if (target >= 4) {
            order = act(order, "pickup", rider);
        }
        if (target >= 5) {
            order = act(order, "delivery", rider);
        }
        assertThat(order.status()).isEqualTo(status);
        return order;
    }

    Order orderIn(String status) {
        return orderIn(status, Person.rider());
    }

    private static Order expectOk(Order order, Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return new Order(order.id(), reply.etag(), order.customer(), order.restaurant(), reply.json());
    }
}
