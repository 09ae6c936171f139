package com.quickeats.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Requests that race over real HTTP against one PostgreSQL: a payment retried many times at once runs
 * once, and of many actions based on the same version exactly one wins (contract §6, §7).
 */
class ConcurrencyTest extends E2eTest {

    @RepeatedTest(3)
    void twentyFiveIdenticalPaymentsAtOnceTakeThePaymentOnce() {
        Shop.Order order = shop.place();
        Object body = Json.object("payment_method", "card", "amount", order.total());
        String key = Shop.newKey();
        List<Reply> replies = Concurrently.send(25, i -> api.post("/api/v2/orders/" + order.id() + "/payment")
                .as(order.customer()).key(key).ifMatch(order.etag()).json(body));

        List<Reply> successes = replies.stream().filter(r -> r.status() == 200).toList();
        assertThat(successes).isNotEmpty();
        for (Reply reply : replies) {
            if (reply.status() == 409) {
                assertThat(reply.problem()).as(reply.toString()).isEqualTo("request-in-progress");
                assertThat(reply.header("Retry-After")).isNotBlank();
            } else {
                assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
                assertThat(reply.body()).isEqualTo(successes.get(0).body());
                assertThat(reply.etag()).isEqualTo("\"order-" + order.id() + "-v2\"");
            }
        }
        assertThat(successes.stream().filter(r -> r.header("Idempotent-Replayed") == null)).hasSize(1);

        JsonNode history = api.get("/api/v2/orders/" + order.id() + "/events").as(order.customer()).send().json();
        assertThat(history.findValuesAsText("type").stream().filter("order_paid"::equals)).hasSize(1);
        assertThat(history.size()).isEqualTo(2);
    }

    @RepeatedTest(3)
    void ofTwentyConflictingActionsOnOneVersionExactlyOneSucceeds() {
        Shop.Order order = shop.orderIn("pending_acceptance");
        List<Reply> replies = Concurrently.send(20, i -> i % 2 == 0
                ? api.post("/api/v2/orders/" + order.id() + "/acceptance").as(order.restaurant().owner())
                        .ifMatch(order.etag())
                : api.post("/api/v2/orders/" + order.id() + "/cancellation").as(order.customer())
                        .ifMatch(order.etag()).json(Json.object("reason", "race " + i)));

        assertThat(replies.stream().filter(r -> r.status() / 100 == 2)).hasSize(1);
        for (Reply reply : replies) {
            assertThat(reply.status()).as(reply.toString()).isIn(200, 409, 412);
            if (reply.status() == 412) {
                assertThat(reply.etag()).isEqualTo("\"order-" + order.id() + "-v3\"");
            }
        }
        Reply now = api.get("/api/v2/orders/" + order.id()).as(order.customer()).send();
        assertThat(now.json().path("version").asLong()).isEqualTo(3);
        assertThat(api.get("/api/v2/orders/" + order.id() + "/events").as(order.customer()).send().json().size())
                .isEqualTo(3);
    }

    @RepeatedTest(3)
    void twentyIdenticalPickupsWithOneETagGiveTheOrderToOneRider() {
        Shop.Order order = shop.orderIn("ready_for_pickup");
        List<Person> riders = IntStream.range(0, 20).mapToObj(i -> Person.rider()).toList();
        List<Reply> replies = Concurrently.send(20, i -> api.post("/api/v2/orders/" + order.id() + "/pickup")
                .as(riders.get(i)).ifMatch(order.etag()));

        List<Reply> winners = replies.stream().filter(r -> r.status() == 200).toList();
        assertThat(winners).hasSize(1);
        replies.stream().filter(r -> r.status() != 200)
                .forEach(r -> assertThat(r.status()).as(r.toString()).isIn(404, 409, 412));
        String rider = winners.get(0).json().path("rider_id").asText();
        Reply now = api.get("/api/v2/orders/" + order.id()).as(order.customer()).send();
        assertThat(now.json().path("rider_id").asText()).isEqualTo(rider);
        assertThat(now.json().path("version").asLong()).isEqualTo(5);
    }
}
