package com.quickeats.bootstrap.e2e;

import static com.quickeats.bootstrap.e2e.Problems.assertProblem;
import static com.quickeats.bootstrap.e2e.Problems.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every row of the contract's error table (§2) that a client's request can provoke, one test each at least. */
class ProblemDetailsTest extends E2eTest {

    @Test
    void malformedRequestListsEveryFieldProblemAtOnce() {
        Shop.Restaurant restaurant = shop.restaurant();
        Reply reply = api.post("/api/v2/orders").as(Person.customer()).key(Shop.newKey()).json(Json.object(
                "restaurant_id", "one",
                "items", List.of(Json.object("menu_item_id", restaurant.chickenId(), "quantity", 0),
                        Json.object("menu_item_id", -5, "quantity", "two"), "not-a-line"),
                "delivery_address", "")).send();
        assertProblem(reply, 400, "malformed-request");
        assertThat(fields(reply)).containsExactlyInAnyOrder("restaurant_id", "items[0].quantity",
                "items[1].menu_item_id", "items[1].quantity", "items[2]", "delivery_address");
    }

    @Test
    void malformedRequestForABodyThatIsNotJson() {
        Reply reply = api.post("/api/v2/orders").as(Person.customer()).key(Shop.newKey())
                .json("{\"restaurant_id\": 1, \"items\": [").send();
        assertProblem(reply, 400, "malformed-request");
        assertThat(fields(reply)).containsExactly("body");
    }

    @Test
    void aChunkedBodyIsReadLikeOneWithAContentLength() {
        RawHttp.Answer answer = RawHttp.sendChunked(api.base(), RawHttp.ascii("POST /api/v2/orders HTTP/1.1\r\nHost: x"
                + "\r\nAuthorization: Bearer " + Person.customer().token() + "\r\nIdempotency-Key: " + Shop.newKey()
                + "\r\nContent-Type: application/json"), RawHttp.ascii("{\"restaurant_id\": 1, \"items\": []}"), 7);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text()).contains("malformed-request", "delivery_address").doesNotContain("\"field\":\"body\"");
    }

    @Test
    void malformedRequestForMissingFieldsAndABodyThatIsNotAnObject() {
        Reply missing = api.post("/api/v2/orders").as(Person.customer()).key(Shop.newKey()).json("{}").send();
        assertProblem(missing, 400, "malformed-request");
        assertThat(fields(missing)).contains("restaurant_id", "items", "delivery_address");

        Reply array = api.post("/api/v2/orders").as(Person.customer()).key(Shop.newKey()).json("[1, 2]").send();
        assertProblem(array, 400, "malformed-request");
        assertThat(fields(array)).containsExactly("body");
    }

    @Test
    void malformedRequestForUnknownEnumValuesAndOutOfRangeNumbers() {
        Shop.Order order = shop.place();
        Reply method = api.post("/api/v2/orders/" + order.id() + "/payment").as(order.customer())
                .key(Shop.newKey()).ifMatch(order.etag())
                .json(Json.object("payment_method", "bitcoin", "amount", 1e30)).send();
        assertProblem(method, 400, "malformed-request");
        assertThat(fields(method)).containsExactlyInAnyOrder("payment_method", "amount");

        Reply huge = api.post("/api/v2/orders").as(order.customer()).key(Shop.newKey()).json(
                "{\"restaurant_id\": 99999999999999999999999, \"items\": [{\"menu_item_id\": 1, \"quantity\": "
                        + "123456789012345678901234567890}], \"delivery_address\": \"x\"}").send();
        assertProblem(huge, 400, "malformed-request");
        assertThat(fields(huge)).containsExactlyInAnyOrder("restaurant_id", "items[0].quantity");

        Reply limit = api.get("/api/v2/orders?limit=101&status=lost").as(order.customer()).send();
        assertProblem(limit, 400, "malformed-request");
        assertThat(fields(limit)).containsExactlyInAnyOrder("limit", "status");
    }

    @Test
    void unauthenticatedCarriesWwwAuthenticateBearer() {
        Reply reply = api.get("/api/v2/orders").send();
        assertProblem(reply, 401, "unauthenticated");
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void forbiddenWhenTheOrderIsVisibleButTheRoleMayNotActOnIt() {
        Shop.Order order = shop.orderIn("pending_acceptance");
        Reply reply = api.post("/api/v2/orders/" + order.id() + "/acceptance").as(order.customer())
                .ifMatch(order.etag()).send();
        assertProblem(reply, 403, "forbidden");
    }

    @Test
    void notFoundForMissingInvisibleAndUnparsableIds() {
        Shop.Order order = shop.place();
        Person stranger = Person.customer();
        assertProblem(api.get("/api/v2/orders/" + order.id()).as(stranger).send(), 404, "not-found");
        assertProblem(api.get("/api/v2/orders/987654321").as(order.customer()).send(), 404, "not-found");
        for (String id : List.of("abc", "0", "-1", "1.5", "9223372036854775808", "99999999999999999999999", "%20")) {
            assertProblem(api.get("/api/v2/orders/" + id).as(order.customer()).send(), 404, "not-found");
            assertProblem(api.post("/api/v2/orders/" + id + "/acceptance").as(order.customer()).ifMatch("*").send(),
                    404, "not-found");
            assertProblem(api.get("/api/v2/restaurants/" + id).as(order.customer()).send(), 404, "not-found");
        }
        assertProblem(api.get("/api/v2/nothing-here").as(order.customer()).send(), 404, "not-found");
        assertProblem(api.post("/api/v2/orders/" + order.id() + "/teleport").as(order.customer()).send(), 404,
                "not-found");
    }

    @Test
    void methodNotAllowedListsTheAllowedMethods() {
        Reply delete = api.method("DELETE", "/api/v2/orders/1").as(Person.customer()).send();
        assertProblem(delete, 405, "method-not-allowed");
        assertThat(delete.header("Allow")).isEqualTo("GET, HEAD");

        Reply put = api.method("PUT", "/api/v2/orders/").as(Person.customer()).json("{}").send();
        assertProblem(put, 405, "method-not-allowed");
        assertThat(put.header("Allow")).isEqualTo("GET, HEAD, POST");

        Reply get = api.get("/api/v2/orders/1/payment").send();
        assertProblem(get, 405, "method-not-allowed");
        assertThat(get.header("Allow")).isEqualTo("POST");
    }

    @Test
    void invalidStateTransitionNamesTheCurrentStatusAndTheAllowedActions() {
        Shop.Order order = shop.orderIn("preparing");
        Reply reply = api.post("/api/v2/orders/" + order.id() + "/cancellation").as(order.customer())
                .ifMatch(order.etag()).send();
        JsonNode problem = assertProblem(reply, 409, "invalid-state-transition");
        assertThat(problem.path("current_status").asText()).isEqualTo("preparing");
        assertThat(problem.path("allowed_actions").get(0).asText()).isEqualTo("preparation-complete");
        assertThat(problem.path("allowed_actions").size()).isEqualTo(1);
    }

    @Test
    void preconditionFailedCarriesTheCurrentETag() {
        Shop.Order order = shop.orderIn("pending_acceptance");
        Reply reply = api.post("/api/v2/orders/" + order.id() + "/acceptance").as(order.restaurant().owner())
                .ifMatch("\"order-" + order.id() + "-v1\"").send();
        JsonNode problem = assertProblem(reply, 412, "precondition-failed");
        assertThat(reply.etag()).isEqualTo(order.etag());
        assertThat(problem.path("current_etag").asText()).isEqualTo(order.etag());
        assertThat(problem.path("current_version").asLong()).isEqualTo(2);
    }

    @Test
    void payloadTooLargeBeforeTheBodyIsRead() {
        byte[] big = ("{\"reason\": \"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        Reply reply = api.post("/api/v2/orders/1/cancellation").as(Person.customer())
                .header("Content-Type", "application/json").body(big).send();
        assertProblem(reply, 413, "payload-too-large");

        byte[] exactly64KiB = new byte[64 * 1024];
        Arrays.fill(exactly64KiB, (byte) ' ');
        Reply notTooLarge = api.post("/api/v2/orders/1/cancellation").as(Person.customer())
                .header("Content-Type", "application/json").body(exactly64KiB).send();
        assertThat(notTooLarge.status()).isNotEqualTo(413);
    }

    @Test
    void unsupportedMediaTypeForABodyThatIsNotDeclaredJson() {
        Shop.Restaurant restaurant = shop.restaurant();
        String body = Json.write(Shop.orderBody(restaurant));
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "application/xml")) {
            Reply reply = api.post("/api/v2/orders").as(Person.customer()).key(Shop.newKey())
                    .header("Content-Type", type).body(body.getBytes(StandardCharsets.UTF_8)).send();
            assertProblem(reply, 415, "unsupported-media-type");
        }
        Reply none = api.post("/api/v2/orders").as(Person.customer()).key(Shop.newKey())
                .body(body.getBytes(StandardCharsets.UTF_8)).send();
        assertProblem(none, 415, "unsupported-media-type");
        Reply charset = api.post("/api/v2/orders").as(Person.customer()).key(Shop.newKey())
                .header("Content-Type", "application/json; charset=utf-8").body(body.getBytes(StandardCharsets.UTF_8))
                .send();
        assertThat(charset.status()).isEqualTo(201);
    }

    @Test
    void unprocessableForAnUnknownRestaurantAnItemNotOnItsMenuAndAWrongAmount() {
        Shop.Restaurant restaurant = shop.restaurant();
        Shop.Restaurant other = shop.restaurant();
        Person customer = Person.customer();
        Reply unknown = api.post("/api/v2/orders").as(customer).key(Shop.newKey()).json(Json.object(
                "restaurant_id", 987_654_321L, "items", List.of(Json.object("menu_item_id", 1, "quantity", 1)),
                "delivery_address", Shop.ADDRESS)).send();
        assertProblem(unknown, 422, "unprocessable");
        assertThat(fields(unknown)).containsExactly("restaurant_id");

        Reply noSuchName = api.post("/api/v2/orders").as(customer).key(Shop.newKey()).json(Json.object(
                "restaurant_name", "없는 식당", "items", List.of(Json.object("menu_item_id", 1, "quantity", 1)),
                "delivery_address", Shop.ADDRESS)).send();
        assertProblem(noSuchName, 422, "unprocessable");

        Reply foreignItem = api.post("/api/v2/orders").as(customer).key(Shop.newKey()).json(Json.object(
                "restaurant_id", restaurant.id(), "items", List.of(
                        Json.object("menu_item_id", restaurant.chickenId(), "quantity", 1),
                        Json.object("menu_item_id", other.colaId(), "quantity", 1)),
                "delivery_address", Shop.ADDRESS)).send();
        assertProblem(foreignItem, 422, "unprocessable");
        assertThat(fields(foreignItem)).containsExactly("items[1].menu_item_id");

        Shop.Order order = shop.place(customer, restaurant);
        Reply wrongAmount = api.post("/api/v2/orders/" + order.id() + "/payment").as(customer).key(Shop.newKey())
                .ifMatch(order.etag()).json(Json.object("payment_method", "card", "amount", order.total() - 1))
                .send();
        assertProblem(wrongAmount, 422, "unprocessable");
        assertThat(fields(wrongAmount)).containsExactly("amount");
    }

    @Test
    void preconditionRequiredWithoutIfMatch() {
        Shop.Order order = shop.place();
        Reply reply = api.post("/api/v2/orders/" + order.id() + "/cancellation").as(order.customer()).send();
        assertProblem(reply, 428, "precondition-required");
    }

    @Test
    void everyProblemTypeHasAHumanPage() {
        for (String slug : List.of("malformed-request", "idempotency-key-missing", "unauthenticated", "forbidden",
                "not-found", "method-not-allowed", "invalid-state-transition", "request-in-progress",
                "precondition-failed", "payload-too-large", "uri-too-long", "unsupported-media-type",
                "idempotency-key-reused", "unprocessable", "precondition-required", "request-header-too-large",
                "service-unavailable", "internal")) {
            Reply page = api.get("/problems/" + slug).send();
            assertThat(page.status()).as(slug).isEqualTo(200);
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.text()).contains("/problems/" + slug);
        }
        assertProblem(api.get("/problems/no-such-problem").send(), 404, "not-found");
    }
}
