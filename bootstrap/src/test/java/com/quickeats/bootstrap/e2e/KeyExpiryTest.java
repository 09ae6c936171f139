package com.quickeats.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.quickeats.testing.postgres.TestDatabase;
import com.quickeats.testing.postgres.WithPostgres;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Contract §7: idempotency records are purged after 24 hours, but the key that created an order stays on
 * the order, so the same key never creates a second one: the answer is the existing order.
 */
@WithPostgres
class KeyExpiryTest {

    @Test
    void aDuplicateCreateAfterThePurgeAnswersWithTheExistingOrder(TestDatabase database) {
        AdjustableClock clock = new AdjustableClock();
        try (E2eServer service = E2eServer.start(database, E2eServer.Options.standard().withClock(clock))) {
            Api api = service.api();
            Shop.Restaurant restaurant = new Shop(api).restaurant();
            Person customer = Person.customer();
            Reply created = api.post("/api/v2/orders").as(customer).key("once").json(Shop.orderBody(restaurant)).send();
            assertThat(created.status()).isEqualTo(201);

            clock.advance(Duration.ofHours(25));
            assertThat(service.useCases().idempotency().purgeExpired(100)).isGreaterThanOrEqualTo(1);

            Reply again = api.post("/api/v2/orders").as(customer).key("once").json(Shop.orderBody(restaurant)).send();
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(again.header("Location")).isEqualTo(created.header("Location"));
            assertThat(again.etag()).isEqualTo(created.etag());
            assertThat(again.id()).isEqualTo(created.id());

            Reply otherBody = api.post("/api/v2/orders").as(customer).key("once").json(Json.object(
                    "restaurant_id", restaurant.id(), "items", List.of(Json.object("menu_item_id",
                            restaurant.colaId(), "quantity", 5)), "delivery_address", Shop.ADDRESS)).send();
            assertThat(otherBody.status()).isIn(200, 422);
            assertThat(api.get("/api/v2/orders").as(customer).send().json().path("results").size()).isEqualTo(1);
        }
    }
}
