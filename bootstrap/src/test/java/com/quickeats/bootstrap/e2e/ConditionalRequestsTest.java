package com.quickeats.bootstrap.e2e;

import static com.quickeats.bootstrap.e2e.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** ETag, If-Match and If-None-Match exactly as contract §6 says. */
class ConditionalRequestsTest extends E2eTest {

    @Test
    void everyResponseCarryingAnOrderHasItsStrongETag() {
        Shop.Order order = shop.orderIn("pending_acceptance");
        String expected = "\"order-" + order.id() + "-v2\"";
        assertThat(order.etag()).isEqualTo(expected);
        assertThat(api.get("/api/v2/orders/" + order.id()).as(order.customer()).send().etag()).isEqualTo(expected);
        assertThat(api.get("/api/v2/orders/" + order.id() + "/").as(order.customer()).send().etag())
                .isEqualTo(expected);
    }

    @Test
    void ifNoneMatchWithTheCurrentETagAnswers304WithThatETag() {
        Shop.Order order = shop.place();
        Reply notModified = api.get("/api/v2/orders/" + order.id()).as(order.customer())
                .header("If-None-Match", order.etag()).send();
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.etag()).isEqualTo(order.etag());
        assertThat(notModified.body()).isEmpty();

        for (String matching : List.of("W/" + order.etag(), "\"x\", " + order.etag(), "*")) {
            Reply reply = api.get("/api/v2/orders/" + order.id()).as(order.customer())
                    .header("If-None-Match", matching).send();
            assertThat(reply.status()).as(matching).isEqualTo(304);
            assertThat(reply.etag()).isEqualTo(order.etag());
        }

        Reply stale = api.get("/api/v2/orders/" + order.id()).as(order.customer())
                .header("If-None-Match", "\"order-" + order.id() + "-v9\"").send();
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.etag()).isEqualTo(order.etag());
    }

    @Test
    void ifNoneMatchIsForReadingOnlyAndNeverTurnsAnActionsAnswerInto304() {
        Shop.Order order = shop.orderIn("pending_acceptance");
        String next = "\"order-" + order.id() + "-v3\"";
        Reply refused = api.post("/api/v2/orders/" + order.id() + "/acceptance").as(order.restaurant().owner())
                .ifMatch("\"order-" + order.id() + "-v1\"").header("If-None-Match", order.etag()).send();
        assertProblem(refused, 412, "precondition-failed");
        Reply accepted = api.post("/api/v2/orders/" + order.id() + "/acceptance").as(order.restaurant().owner())
                .ifMatch(order.etag()).header("If-None-Match", next).send();
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.etag()).isEqualTo(next);
        assertThat(accepted.json().path("status").asText()).isEqualTo("preparing");
    }

    @Test
    void ifNoneMatchNeverHidesAnOrderFromSomebodyWhoMayNotSeeIt() {
        Shop.Order order = shop.place();
        assertProblem(api.get("/api/v2/orders/" + order.id()).as(Person.customer()).header("If-None-Match", "*")
                .send(), 404, "not-found");
    }

    @Test
    void ifMatchListMatchesWhenAnyEntryMatches() {
        Shop.Order order = shop.place();
        Reply cancelled = api.post("/api/v2/orders/" + order.id() + "/cancellation").as(order.customer())
                .ifMatch("\"order-" + order.id() + "-v7\", " + order.etag() + ", \"something-else\"").send();
        assertThat(cancelled.status()).isEqualTo(200);
    }

    @Test
    void ifMatchStarMatchesAnyExistingOrder() {
        Shop.Order order = shop.orderIn("pending_acceptance");
        Reply accepted = api.post("/api/v2/orders/" + order.id() + "/acceptance").as(order.restaurant().owner())
                .ifMatch("*").send();
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().path("version").asLong()).isEqualTo(3);
        assertProblem(api.post("/api/v2/orders/987654321/acceptance").as(order.restaurant().owner())
                .ifMatch("*").send(), 404, "not-found");
    }

    @Test
    void aWeakTagNeverMatches() {
        Shop.Order order = shop.place();
        Reply reply = api.post("/api/v2/orders/" + order.id() + "/cancellation").as(order.customer())
                .ifMatch("W/" + order.etag()).send();
        assertProblem(reply, 412, "precondition-failed");
        assertThat(reply.etag()).isEqualTo(order.etag());
    }

    @Test
    void anETagOfAnotherOrderOrGarbageNeverMatches() {
        Shop.Order order = shop.place();
        Shop.Order other = shop.place(order.customer(), order.restaurant());
        for (String ifMatch : List.of(other.etag(), "order-" + order.id() + "-v1", "\"\"", "garbage", "\"order-"
                + order.id() + "-v01\"")) {
            Reply reply = api.post("/api/v2/orders/" + order.id() + "/cancellation").as(order.customer())
                    .ifMatch(ifMatch).send();
            assertProblem(reply, 412, "precondition-failed");
        }
        assertThat(api.get("/api/v2/orders/" + order.id()).as(order.customer()).send().json().path("status")
                .asText()).isEqualTo("pending_payment");
    }

    @Test
    void aMismatchChangesNothing() {
        Shop.Order order = shop.orderIn("pending_acceptance");
        Reply refused = api.post("/api/v2/orders/" + order.id() + "/acceptance").as(order.restaurant().owner())
                .ifMatch("\"order-" + order.id() + "-v1\"").send();
        assertProblem(refused, 412, "precondition-failed");
        Reply now = api.get("/api/v2/orders/" + order.id()).as(order.customer()).send();
        assertThat(now.etag()).isEqualTo(order.etag());
        assertThat(api.get("/api/v2/orders/" + order.id() + "/events").as(order.customer()).send().json().size())
                .isEqualTo(2);
    }

    @Test
    void everyActionRequiresIfMatch() {
        Person rider = Person.rider();
        List<Object[]> cases = List.of(
                new Object[] {shop.place(), "payment"},
                new Object[] {shop.orderIn("pending_acceptance"), "acceptance"},
                new Object[] {shop.orderIn("preparing"), "preparation-complete"},
                new Object[] {shop.orderIn("ready_for_pickup"), "pickup"},
                new Object[] {shop.orderIn("in_transit", rider), "delivery"},
                new Object[] {shop.place(), "cancellation"});
        for (Object[] c : cases) {
            Shop.Order order = (Shop.Order) c[0];
            String action = (String) c[1];
            Person actor = switch (action) {
                case "payment", "cancellation" -> order.customer();
                case "pickup", "delivery" -> rider;
                default -> order.restaurant().owner();
            };
            Api.Call call = api.post("/api/v2/orders/" + order.id() + "/" + action).as(actor).key(Shop.newKey());
            if (action.equals("payment")) {
                call.json(Json.object("payment_method", "card", "amount", order.total()));
            }
            assertProblem(call.send(), 428, "precondition-required");
        }
    }

    @Test
    void unauthenticatedNotFoundAndForbiddenComeBeforeThePreconditions() {
        Shop.Order order = shop.orderIn("pending_acceptance");
        String path = "/api/v2/orders/" + order.id() + "/acceptance";
        assertProblem(api.post(path).send(), 401, "unauthenticated");
        assertProblem(api.post(path).ifMatch("\"stale\"").send(), 401, "unauthenticated");
        assertProblem(api.post(path).as(Person.customer()).send(), 404, "not-found");
        assertProblem(api.post(path).as(Person.customer()).ifMatch("\"stale\"").send(), 404, "not-found");
        assertProblem(api.post(path).as(order.customer()).send(), 403, "forbidden");
        assertProblem(api.post(path).as(order.customer()).ifMatch("\"stale\"").send(), 403, "forbidden");
        assertProblem(api.post(path).as(order.restaurant().owner()).send(), 428, "precondition-required");
        assertProblem(api.post(path).as(order.restaurant().owner()).ifMatch("\"stale\"").send(), 412,
                "precondition-failed");
    }

    @Test
    void aFailedPreconditionComesBeforeTheStateMachine() {
        Shop.Order order = shop.orderIn("delivered");
        assertProblem(api.post("/api/v2/orders/" + order.id() + "/cancellation").as(order.customer())
                .ifMatch("\"order-" + order.id() + "-v1\"").send(), 412, "precondition-failed");
        assertProblem(api.post("/api/v2/orders/" + order.id() + "/cancellation").as(order.customer())
                .ifMatch(order.etag()).send(), 409, "invalid-state-transition");
    }
}
