package com.quickeats.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.quickeats.bootstrap.QuickEatsService;
import com.quickeats.testing.postgres.TestDatabase;
import com.quickeats.testing.postgres.WithPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Contract §7: idempotency records are purged after 24 hours, but the key that created an order stays on
 * the order, so the same key never creates a second one: the answer is the existing order.
 */
@WithPostgres
class KeyExpiryTest {

    @Test
    void aDuplicateCreateAfterThePurgeAnswersWithTheExistingOrder(TestDatabase database) throws SQLException {
        AdjustableClock clock = new AdjustableClock();
        try (E2eServer service = E2eServer.start(database, new QuickEatsService.Environment(clock))) {
            Api api = service.api();
            Shop.Restaurant restaurant = new Shop(api).restaurant();
            Person customer = Person.customer();
            Reply created = api.post("/api/v2/orders").as(customer).key("once").json(Shop.orderBody(restaurant)).send();
            assertThat(created.status()).isEqualTo(201);

            clock.advance(Duration.ofHours(25));
            assertThat(purgeExpired(database, clock.instant())).isGreaterThanOrEqualTo(1);

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

    /**
     * Deletes what the service's periodic purge deletes — the records past their {@code expires_at} — now
     * rather than at its next run, which production schedules minutes after start.
     */
    private static int purgeExpired(TestDatabase database, Instant now) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement purge = connection.prepareStatement(
                     "DELETE FROM idempotency_records WHERE expires_at <= ?")) {
            purge.setObject(1, now.atOffset(ZoneOffset.UTC));
            return purge.executeUpdate();
        }
    }
}
