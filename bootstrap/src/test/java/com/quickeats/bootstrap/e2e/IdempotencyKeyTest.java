package com.quickeats.bootstrap.e2e;

import static com.quickeats.bootstrap.e2e.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contract §7: where a key is required, what a key is, whose it is and what makes two requests the same. */
class IdempotencyKeyTest extends E2eTest {

    @Test
    void placingAnOrderAndPayingRequireAKey() {
        Shop.Order order = shop.place();
        assertProblem(api.post("/api/v2/orders").as(order.customer()).json(Shop.orderBody(order.restaurant()))
                .send(), 400, "idempotency-key-missing");
        assertProblem(api.post("/api/v2/orders/" + order.id() + "/payment").as(order.customer())
                .ifMatch(order.etag()).json(Json.object("payment_method", "card", "amount", order.total())).send(),
                400, "idempotency-key-missing");
    }

    @Test
    void aKeyIsOneTo255VisibleAsciiCharacters() {
        Shop.Restaurant restaurant = shop.restaurant();
        Person customer = Person.customer();
        for (String bad : List.of("", "\"\"", "a b", "x".repeat(256), "\"" + "x".repeat(256) + "\"",
                "tab\there", "\"unterminated", "\"bad\\escape\"")) {
            Reply reply = api.post("/api/v2/orders").as(customer).key(bad).json(Shop.orderBody(restaurant)).send();
            assertThat(reply.status()).as("key [%s]", bad).isEqualTo(400);
            assertProblem(reply, 400, "idempotency-key-missing");
        }
        for (String good : List.of("x".repeat(255), "!~", "\"" + "y".repeat(255) + "\"", "8e03978e-40d5-43e8")) {
            assertThat(api.post("/api/v2/orders").as(customer).key(good).json(Shop.orderBody(restaurant)).send()
                    .status()).as(good).isEqualTo(201);
        }
    }

    @Test
    void aKeyWithBytesOutsideAsciiIsRefused() {
        Shop.Restaurant restaurant = shop.restaurant();
        byte[] body = Json.write(Shop.orderBody(restaurant)).getBytes(StandardCharsets.UTF_8);
        for (byte[] key : List.of("caf\u00e9".getBytes(StandardCharsets.ISO_8859_1),
                "\ud0a4".getBytes(StandardCharsets.UTF_8))) {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.writeBytes(RawHttp.ascii("POST /api/v2/orders HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + Person.customer().token() + "\r\n"
                    + "Content-Type: application/json\r\nIdempotency-Key: "));
            head.writeBytes(key);
            RawHttp.Answer answer = RawHttp.send(api.base(), head.toByteArray(), body);
            assertThat(answer.status()).as(answer.text()).isEqualTo(400);
            assertThat(answer.headers().get("content-type")).isEqualTo("application/problem+json");
            assertThat(answer.text()).contains("/problems/idempotency-key-missing");
        }
    }

    @Test
    void authenticationIsCheckedBeforeTheKey() {
        assertProblem(api.post("/api/v2/orders").json("{}").send(), 401, "unauthenticated");
    }

    @Test
    void theQuotedAndTheBareFormNameTheSameKey() {
        Shop.Restaurant restaurant = shop.restaurant();
        Person customer = Person.customer();
        Reply bare = api.post("/api/v2/orders").as(customer).key("same-key").json(Shop.orderBody(restaurant)).send();
        Reply quoted = api.post("/api/v2/orders").as(customer).key("\"same-key\"").json(Shop.orderBody(restaurant))
                .send();
        assertThat(bare.status()).isEqualTo(201);
        assertThat(quoted.status()).isEqualTo(201);
        assertThat(quoted.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(quoted.id()).isEqualTo(bare.id());
    }

    @Test
    void keysAreScopedToTheCaller() {
        Shop.Restaurant restaurant = shop.restaurant();
        Reply first = api.post("/api/v2/orders").as(Person.customer()).key("shared").json(Shop.orderBody(restaurant))
                .send();
        Reply second = api.post("/api/v2/orders").as(Person.customer()).key("shared").json(Shop.orderBody(restaurant))
                .send();
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header("Idempotent-Replayed")).isNull();
        assertThat(second.id()).isNotEqualTo(first.id());
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndNothingRuns() {
        Shop.Restaurant restaurant = shop.restaurant();
        Person customer = Person.customer();
        assertThat(api.post("/api/v2/orders").as(customer).key("k").json(Shop.orderBody(restaurant)).send().status())
                .isEqualTo(201);
        Reply other = api.post("/api/v2/orders").as(customer).key("k").json(Json.object(
                "restaurant_id", restaurant.id(), "items", List.of(Json.object("menu_item_id", restaurant.colaId(),
                        "quantity", 9)), "delivery_address", Shop.ADDRESS)).send();
        assertProblem(other, 422, "idempotency-key-reused");
        assertThat(api.get("/api/v2/orders").as(customer).send().json().path("results").size()).isEqualTo(1);
    }

    @Test
    void theSameKeyOnAnotherPathIsRefusedButATrailingSlashIsTheSamePath() {
        Shop.Order first = shop.place();
        Shop.Order second = shop.place(first.customer(), first.restaurant());
        Object body = Json.object("payment_method", "card", "amount", first.total());
        Reply paid = api.post("/api/v2/orders/" + first.id() + "/payment").as(first.customer()).key("pay")
                .ifMatch(first.etag()).json(body).send();
        assertThat(paid.status()).isEqualTo(200);

        Reply withSlash = api.post("/api/v2/orders/" + first.id() + "/payment/").as(first.customer()).key("pay")
                .ifMatch(first.etag()).json(body).send();
        assertThat(withSlash.status()).isEqualTo(200);
        assertThat(withSlash.header("Idempotent-Replayed")).isEqualTo("true");

        Reply elsewhere = api.post("/api/v2/orders/" + second.id() + "/payment").as(first.customer()).key("pay")
                .ifMatch(second.etag()).json(body).send();
        assertProblem(elsewhere, 422, "idempotency-key-reused");
        assertThat(api.get("/api/v2/orders/" + second.id()).as(first.customer()).send().json().path("status")
                .asText()).isEqualTo("pending_payment");
    }

    @Test
    void theSameBytesMatterNotTheSameMeaning() {
        Shop.Order order = shop.place();
        Reply paid = api.post("/api/v2/orders/" + order.id() + "/payment").as(order.customer()).key("bytes")
                .ifMatch(order.etag()).json("{\"payment_method\":\"card\",\"amount\":" + order.total() + "}").send();
        assertThat(paid.status()).isEqualTo(200);
        Reply reformatted = api.post("/api/v2/orders/" + order.id() + "/payment").as(order.customer()).key("bytes")
                .ifMatch(order.etag()).json("{ \"amount\": " + order.total() + ", \"payment_method\": \"card\" }")
                .send();
        assertProblem(reformatted, 422, "idempotency-key-reused");
    }
}
