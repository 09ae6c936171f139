package com.quickeats.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Orders walked through their whole life over HTTP, each step taken by the role the contract names. */
class LifecycleTest extends E2eTest {

    @Test
    void anOrderGoesFromPlacementToDeliveryAndEveryStepRaisesTheVersionByOne() {
        Person owner = Person.owner();
        Person customer = Person.customer();
        Person rider = Person.rider();
        Shop.Restaurant restaurant = shop.restaurant(owner);

        Reply placed = api.post("/api/v2/orders").as(customer).key(Shop.newKey())
                .json(Shop.orderBody(restaurant)).send();
        assertThat(placed.status()).isEqualTo(201);
        JsonNode order = placed.json();
        long id = order.path("id").asLong();
        assertThat(placed.header("Location")).isEqualTo("/api/v2/orders/" + id);
        assertThat(placed.etag()).isEqualTo("\"order-" + id + "-v1\"");
        assertThat(placed.contentType()).isEqualTo("application/json");
        assertThat(order.path("status").asText()).isEqualTo("pending_payment");
        assertThat(order.path("version").asLong()).isEqualTo(1);
        assertThat(order.path("customer_id").asText()).isEqualTo(customer.sub());
        assertThat(order.path("restaurant_id").asLong()).isEqualTo(restaurant.id());
        assertThat(order.path("rider_id").isNull()).isTrue();
        assertThat(order.path("payment").isNull()).isTrue();
        assertThat(order.path("cancellation").isNull()).isTrue();
        assertThat(order.path("currency").asText()).isEqualTo("KRW");
        assertThat(order.path("total_amount").asLong()).isEqualTo(2 * Shop.CHICKEN_PRICE + Shop.COLA_PRICE);
        assertThat(order.path("items").get(0).path("unit_price").asLong()).isEqualTo(Shop.CHICKEN_PRICE);
        assertThat(order.path("items").get(0).path("line_total").asLong()).isEqualTo(2 * Shop.CHICKEN_PRICE);
        assertThat(order.path("items").get(0).path("name").asText()).isEqualTo("후라이드치킨");
        assertThat(order.path("delivery_address").asText()).isEqualTo(Shop.ADDRESS);
        assertThat(order.path("created_at").asText()).endsWith("Z");
        assertThat(actions(order)).containsExactly("payment", "cancellation");

        String etag = placed.etag();
        Reply paid = api.post("/api/v2/orders/" + id + "/payment").as(customer).key(Shop.newKey()).ifMatch(etag)
                .json(Json.object("payment_method", "card", "amount", order.path("total_amount").asLong())).send();
        assertStep(paid, id, 2, "pending_acceptance", "acceptance", "cancellation");
        assertThat(paid.json().path("payment").path("method").asText()).isEqualTo("card");
        assertThat(paid.json().path("payment").path("amount").asLong()).isEqualTo(order.path("total_amount").asLong());
        assertThat(paid.json().path("payment").path("paid_at").asText()).endsWith("Z");

        Reply accepted = api.post("/api/v2/orders/" + id + "/acceptance").as(owner).ifMatch(paid.etag()).send();
        assertStep(accepted, id, 3, "preparing", "preparation-complete");

        Reply ready = api.post("/api/v2/orders/" + id + "/preparation-complete/").as(owner)
                .ifMatch(accepted.etag()).send();
        assertStep(ready, id, 4, "ready_for_pickup", "pickup");

        Reply pickedUp = api.post("/api/v2/orders/" + id + "/pickup").as(rider).ifMatch(ready.etag()).send();
        assertStep(pickedUp, id, 5, "in_transit", "delivery");
        assertThat(pickedUp.json().path("rider_id").asText()).isEqualTo(rider.sub());

        Reply delivered = api.post("/api/v2/orders/" + id + "/delivery").as(rider).ifMatch(pickedUp.etag()).send();
        assertStep(delivered, id, 6, "delivered");

        Reply history = api.get("/api/v2/orders/" + id + "/events").as(customer).send();
        assertThat(history.status()).isEqualTo(200);
        List<String> types = new ArrayList<>();
        history.json().forEach(e -> types.add(e.path("type").asText()));
        assertThat(types).containsExactly("order_placed", "order_paid", "order_accepted", "preparation_completed",
                "order_picked_up", "order_delivered");
        List<Long> versions = new ArrayList<>();
        history.json().forEach(e -> versions.add(e.path("version").asLong()));
        assertThat(versions).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(history.json().get(0).path("sequence").asLong()).isEqualTo(1);
        assertThat(history.json().get(0).path("actor").asText()).isEqualTo(customer.sub());
        assertThat(history.json().get(2).path("actor").asText()).isEqualTo(owner.sub());
        assertThat(history.json().get(5).path("actor").asText()).isEqualTo(rider.sub());
        assertThat(history.json().get(5).path("occurred_at").asText()).endsWith("Z");
    }

    @Test
    void everyPartyAndAnAdminReadTheOrderWithTheSameETag() {
        Person rider = Person.rider();
        Shop.Order order = shop.orderIn("in_transit", rider);
        Person admin = Person.admin();
        for (Person reader : List.of(order.customer(), order.restaurant().owner(), rider, admin)) {
            Reply read = api.get("/api/v2/orders/" + order.id()).as(reader).send();
            assertThat(read.status()).as(reader.role()).isEqualTo(200);
            assertThat(read.etag()).isEqualTo(order.etag());
            assertThat(read.json().path("version").asLong()).isEqualTo(5);
        }
    }

    @Test
    void aCustomerCancelsBeforePayingAndNoRefundIsDue() {
        Shop.Order order = shop.place();
        Reply cancelled = api.post("/api/v2/orders/" + order.id() + "/cancellation").as(order.customer())
                .ifMatch(order.etag()).json(Json.object("reason", "주문 실수")).send();
        assertStep(cancelled, order.id(), 2, "cancelled");
        JsonNode cancellation = cancelled.json().path("cancellation");
        assertThat(cancellation.path("reason").asText()).isEqualTo("주문 실수");
        assertThat(cancellation.path("cancelled_by").asText()).isEqualTo("customer");
        assertThat(cancellation.path("refund_due").asBoolean()).isFalse();
        assertThat(cancellation.path("cancelled_at").asText()).endsWith("Z");
    }

    @Test
    void aCustomerCancelsAPaidOrderWithoutAReasonAndARefundIsDue() {
        Shop.Order order = shop.orderIn("pending_acceptance");
        Reply cancelled = api.post("/api/v2/orders/" + order.id() + "/cancellation").as(order.customer())
                .ifMatch(order.etag()).send();
        assertStep(cancelled, order.id(), 3, "cancelled");
        assertThat(cancelled.json().path("cancellation").path("reason").isNull()).isTrue();
        assertThat(cancelled.json().path("cancellation").path("refund_due").asBoolean()).isTrue();
    }

    @Test
    void theRestaurantDeclinesAPaidOrder() {
        Shop.Order order = shop.orderIn("pending_acceptance");
        Reply declined = api.post("/api/v2/orders/" + order.id() + "/cancellation").as(order.restaurant().owner())
                .ifMatch(order.etag()).json(Json.object("reason", "재료 소진")).send();
        assertStep(declined, order.id(), 3, "cancelled");
        assertThat(declined.json().path("cancellation").path("cancelled_by").asText()).isEqualTo("restaurant");
        assertThat(declined.json().path("cancellation").path("refund_due").asBoolean()).isTrue();
    }

    @Test
    void anOrderCanBePlacedByRestaurantNameAndKeepsItsPricesWhenTheMenuChanges() {
        Shop.Restaurant restaurant = shop.restaurant();
        Person customer = Person.customer();
        Reply placed = api.post("/api/v2/orders").as(customer).key(Shop.newKey()).json(Json.object(
                "restaurant_name", restaurant.name(),
                "items", List.of(Json.object("menu_item_id", restaurant.chickenId(), "quantity", 1)),
                "delivery_address", Shop.ADDRESS)).send();
        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.json().path("restaurant_id").asLong()).isEqualTo(restaurant.id());

        Reply repriced = api.patch("/api/v2/restaurants/" + restaurant.id() + "/menu-items/" + restaurant.chickenId())
                .as(restaurant.owner()).json(Json.object("price", 25_000)).send();
        assertThat(repriced.status()).isEqualTo(200);
        assertThat(repriced.json().path("price").asLong()).isEqualTo(25_000);

        Reply reread = api.get("/api/v2/orders/" + placed.id()).as(customer).send();
        assertThat(reread.json().path("items").get(0).path("unit_price").asLong()).isEqualTo(Shop.CHICKEN_PRICE);
        assertThat(reread.json().path("total_amount").asLong()).isEqualTo(Shop.CHICKEN_PRICE);
    }

    @Test
    void theCatalogueIsBrowsedByEverybodySignedIn() {
        Shop.Restaurant restaurant = shop.restaurant();
        for (Person reader : List.of(Person.customer(), Person.rider(), Person.owner(), Person.admin())) {
            Reply list = api.get("/api/v2/restaurants").as(reader).send();
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.json().isArray()).isTrue();
            assertThat(list.json().findValuesAsText("name")).contains(restaurant.name());
            list.json().forEach(r -> assertThat(r.has("menu")).isFalse());

            Reply one = api.get("/api/v2/restaurants/" + restaurant.id() + "/").as(reader).send();
            assertThat(one.status()).isEqualTo(200);
            assertThat(one.json().path("owner_id").asText()).isEqualTo(restaurant.owner().sub());
            assertThat(one.json().path("menu").size()).isEqualTo(2);
            assertThat(one.json().path("menu").get(0).path("available").asBoolean()).isTrue();
        }
        Reply item = api.get("/api/v2/restaurants/" + restaurant.id() + "/menu-items/" + restaurant.colaId())
                .as(Person.customer()).send();
        assertThat(item.json().path("price").asLong()).isEqualTo(Shop.COLA_PRICE);
    }

    @Test
    void anUnavailableItemCannotBeOrdered() {
        Shop.Restaurant restaurant = shop.restaurant();
        Reply off = api.patch("/api/v2/restaurants/" + restaurant.id() + "/menu-items/" + restaurant.colaId())
                .as(restaurant.owner()).json(Json.object("available", false)).send();
        assertThat(off.status()).isEqualTo(200);
        assertThat(off.json().path("available").asBoolean()).isFalse();

        Reply refused = api.post("/api/v2/orders").as(Person.customer()).key(Shop.newKey())
                .json(Shop.orderBody(restaurant)).send();
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.problem()).isEqualTo("unprocessable");
        assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("items[1].menu_item_id");
    }

    private static void assertStep(Reply reply, long id, long version, String status, String... allowed) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.etag()).isEqualTo("\"order-" + id + "-v" + version + "\"");
        assertThat(reply.json().path("version").asLong()).isEqualTo(version);
        assertThat(reply.json().path("status").asText()).isEqualTo(status);
        assertThat(actions(reply.json())).containsExactly(allowed);
    }

    private static List<String> actions(JsonNode order) {
        List<String> actions = new ArrayList<>();
        order.path("allowed_actions").forEach(a -> actions.add(a.asText()));
        return actions;
    }
}
