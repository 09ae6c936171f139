package com.quickeats.bootstrap.e2e;

import static com.quickeats.bootstrap.e2e.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Contract §7: what a retry gets back, which outcomes are stored for it, and which leave the key free. */
class IdempotentReplayTest extends E2eTest {

    @Test
    void aRetryReplaysStatusBodyAndHeadersFaithfully() {
        Shop.Restaurant restaurant = shop.restaurant();
        Person customer = Person.customer();
        Reply first = api.post("/api/v2/orders").as(customer).key("place-1").json(Shop.orderBody(restaurant)).send();
        Reply retry = api.post("/api/v2/orders").as(customer).key("place-1").json(Shop.orderBody(restaurant)).send();
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.etag()).isEqualTo(first.etag());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.contentType()).isEqualTo(first.contentType());
        assertThat(api.get("/api/v2/orders").as(customer).send().json().path("results").size()).isEqualTo(1);
    }

    @Test
    void aRetriedPaymentReplaysIts200EvenAfterTheOrderMovedOn() {
        Shop.Order order = shop.place();
        Object body = Json.object("payment_method", "mobile_pay", "amount", order.total());
        Reply paid = api.post("/api/v2/orders/" + order.id() + "/payment").as(order.customer()).key("pay-1")
                .ifMatch(order.etag()).json(body).send();
        assertThat(paid.status()).isEqualTo(200);
        Shop.Order accepted = shop.act(new Shop.Order(order.id(), paid.etag(), order.customer(), order.restaurant(),
                paid.json()), "acceptance", order.restaurant().owner());
        assertThat(accepted.etag()).endsWith("-v3\"");

        Reply retry = api.post("/api/v2/orders/" + order.id() + "/payment").as(order.customer()).key("pay-1")
                .ifMatch(order.etag()).json(body).send();
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.etag()).isEqualTo(paid.etag());
        assertThat(retry.body()).isEqualTo(paid.body());
        assertThat(paymentEvents(order)).isEqualTo(1);
    }

    @Test
    void keysAreHonouredOnEveryPost() {
        Person admin = Person.admin();
        Person owner = Person.owner();
        Object restaurant = Json.object("name", "피자집", "owner_id", owner.sub());
        Reply registered = api.post("/api/v2/restaurants").as(admin).key("r-1").json(restaurant).send();
        Reply again = api.post("/api/v2/restaurants").as(admin).key("r-1").json(restaurant).send();
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.id()).isEqualTo(registered.id());

        Object item = Json.object("name", "페퍼로니", "price", 21_000);
        String items = "/api/v2/restaurants/" + registered.id() + "/menu-items";
        Reply added = api.post(items).as(owner).key("i-1").json(item).send();
        Reply addedAgain = api.post(items).as(owner).key("i-1").json(item).send();
        assertThat(addedAgain.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(addedAgain.id()).isEqualTo(added.id());
        assertThat(api.get("/api/v2/restaurants/" + registered.id()).as(owner).send().json().path("menu").size())
                .isEqualTo(1);

        Shop.Order order = shop.orderIn("pending_acceptance");
        String acceptance = "/api/v2/orders/" + order.id() + "/acceptance";
        Reply accepted = api.post(acceptance).as(order.restaurant().owner()).key("a-1").ifMatch(order.etag()).send();
        Reply acceptedAgain = api.post(acceptance).as(order.restaurant().owner()).key("a-1").ifMatch(order.etag())
                .send();
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(acceptedAgain.status()).isEqualTo(200);
        assertThat(acceptedAgain.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(acceptedAgain.body()).isEqualTo(accepted.body());
    }

    @Test
    void theDomainsOwnRefusalsAreStoredAndReplayed() {
        Shop.Order order = shop.place();
        String acceptance = "/api/v2/orders/" + order.id() + "/acceptance";
        Reply refused = api.post(acceptance).as(order.restaurant().owner()).key("early").ifMatch("*").send();
        assertProblem(refused, 409, "invalid-state-transition");
        shop.pay(order);
        Reply replayed = api.post(acceptance).as(order.restaurant().owner()).key("early").ifMatch("*").send();
        assertProblem(replayed, 409, "invalid-state-transition");
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.body()).isEqualTo(refused.body());

        Shop.Order other = shop.place();
        Object wrong = Json.object("payment_method", "card", "amount", 1);
        String payment = "/api/v2/orders/" + other.id() + "/payment";
        Reply unprocessable = api.post(payment).as(other.customer()).key("wrong").ifMatch(other.etag()).json(wrong)
                .send();
        assertProblem(unprocessable, 422, "unprocessable");
        Reply again = api.post(payment).as(other.customer()).key("wrong").ifMatch(other.etag()).json(wrong).send();
        assertProblem(again, 422, "unprocessable");
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void refusalsBeforeTheDomainLeaveTheKeyFreeForACorrectedRetry() {
        Shop.Order order = shop.place();
        String payment = "/api/v2/orders/" + order.id() + "/payment";
        Object body = Json.object("payment_method", "card", "amount", order.total());

        assertProblem(api.post(payment).as(order.customer()).key("k").ifMatch(order.etag())
                .json(Json.object("payment_method", "card")).send(), 400, "malformed-request");
        assertProblem(api.post(payment).as(order.customer()).key("k").json(body).send(), 428,
                "precondition-required");
        assertProblem(api.post(payment).as(order.customer()).key("k").ifMatch("\"order-" + order.id() + "-v9\"")
                .json(body).send(), 412, "precondition-failed");
        Reply forbidden = api.post(payment).as(order.restaurant().owner()).key("k").ifMatch(order.etag())
                .json(body).send();
        assertProblem(forbidden, 403, "forbidden");
        Reply forbiddenAgain = api.post(payment).as(order.restaurant().owner()).key("k").ifMatch(order.etag())
                .json(body).send();
        assertProblem(forbiddenAgain, 403, "forbidden");
        assertThat(forbiddenAgain.header("Idempotent-Replayed")).isNull();
        Reply notFound = api.post("/api/v2/orders/987654321/payment").as(order.customer()).key("k2")
                .ifMatch(order.etag()).json(body).send();
        assertProblem(notFound, 404, "not-found");

        Reply paid = api.post(payment).as(order.customer()).key("k").ifMatch(order.etag()).json(body).send();
        assertThat(paid.status()).isEqualTo(200);
        assertThat(paid.header("Idempotent-Replayed")).isNull();
        Reply paidWithK2 = api.post(payment).as(order.customer()).key("k2").ifMatch(paid.etag()).json(body).send();
        assertProblem(paidWithK2, 409, "invalid-state-transition");
    }

    private long paymentEvents(Shop.Order order) {
        Reply history = api.get("/api/v2/orders/" + order.id() + "/events").as(order.customer()).send();
        long count = 0;
        for (var event : history.json()) {
            if (event.path("type").asText().equals("order_paid")) {
                count++;
            }
        }
        return count;
    }
}
