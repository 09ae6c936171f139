package com.quickeats.adapter.persistence;

import static com.quickeats.order.domain.testing.OrderBuilder.anOrder;
import static com.quickeats.order.domain.testing.RestaurantBuilder.aRestaurant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.quickeats.order.application.port.out.OrderRepository;
import com.quickeats.order.application.port.out.StaleOrderException;
import com.quickeats.order.application.port.out.TransactionRunner;
import com.quickeats.order.domain.CancelledBy;
import com.quickeats.order.domain.MenuItemId;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderStatus;
import com.quickeats.order.domain.PaymentMethod;
import com.quickeats.order.domain.Restaurant;
import com.quickeats.order.domain.UserId;
import com.quickeats.order.domain.testing.OrderBuilder;
import com.quickeats.testing.postgres.TestDatabase;
import com.quickeats.testing.postgres.WithPostgres;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every stored order event is an outbox row written by the same transaction (contract §10). */
@WithPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderOutboxTest {
    private static final UserId CUSTOMER = UserId.of("고객-1");
    private static final MenuItemId TTEOKBOKKI = MenuItemId.of(701);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Store store;
    private OrderRepository orders;
    private TransactionRunner transactions;
    private Restaurant restaurant;

    @BeforeAll
    void migrate(TestDatabase database) {
        store = Store.on(database);
        orders = store.adapters.orderRepository();
        transactions = store.adapters.transactionRunner();
        restaurant = aRestaurant().withId(70).named("분식집").ownedBy("사장님-7").withEmptyMenu()
                .withMenuItem(TTEOKBOKKI.value(), "떡볶이", 5_000).build();
        store.adapters.restaurantCatalog().add(restaurant);
    }

    @AfterAll
    void close() {
        store.close();
    }

    @Test
    void placingAnOrderWritesOneRowThatDebeziumsRouterCanRelay() {
        Order order = anOrderHere().build();
        orders.add(order, "place");

        List<Map<String, Object>> rows = rowsOf(order);
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        assertThat(row).containsEntry("aggregatetype", "order")
                .containsEntry("aggregateid", Long.toString(order.id().value()))
                .containsEntry("type", "order_placed")
                .containsEntry("version", 1L)
                .containsEntry("status", "pending_payment")
                .containsEntry("previous_status", null)
                .containsEntry("restaurant_id", 70L)
                .containsEntry("customer_id", "고객-1")
                .containsEntry("owner_id", "사장님-7")
                .containsEntry("rider_id", null);
        assertThat(row.get("id")).isNotNull();
        JsonNode payload = json(row);
        assertThat(payload.get("order_id").asLong()).isEqualTo(order.id().value());
        assertThat(payload.get("type").asText()).isEqualTo("order_placed");
        assertThat(payload.at("/order/status").asText()).isEqualTo("pending_payment");
    }

    @Test
    void eachVersionOfAnOrderStoredInOneWriteGetsItsOwnRowWithTheOrderAtThatVersion() {
        Order order = anOrderHere().inStatus(OrderStatus.IN_TRANSIT).pickedUpBy("라이더-3").build();
        orders.add(order, "several");

        List<Map<String, Object>> rows = rowsOf(order);
        assertThat(rows).extracting(r -> r.get("type")).containsExactly("order_placed", "order_paid",
                "order_accepted", "preparation_completed", "order_picked_up");
        assertThat(rows).extracting(r -> r.get("status")).containsExactly("pending_payment", "pending_acceptance",
                "preparing", "ready_for_pickup", "in_transit");
        assertThat(rows).extracting(r -> r.get("previous_status")).containsExactly(null, "pending_payment",
                "pending_acceptance", "preparing", "ready_for_pickup");
        assertThat(rows).extracting(r -> json(r).at("/order/version").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(rows).extracting(r -> json(r).at("/order/paid").asBoolean())
                .containsExactly(false, true, true, true, true);
        assertThat(rows).extracting(r -> r.get("rider_id")).containsExactly(null, null, null, null, "라이더-3");
        assertThat(rows).extracting(r -> r.get("id")).doesNotHaveDuplicates();
    }

    @Test
    void aCancellationRemembersWhichStatusItLeft() {
        Order unpaid = anOrderHere().cancelledBeforePaying().build();
        Order declined = anOrderHere().declinedByRestaurant().build();
        orders.add(unpaid, "unpaid");
        orders.add(declined, "declined");

        assertThat(rowsOf(unpaid).get(1)).containsEntry("previous_status", "pending_payment");
        assertThat(rowsOf(declined).get(2)).containsEntry("previous_status", "pending_acceptance");
    }

    @Test
    void aRolledBackChangeLeavesNoRowAndARefusedOneWritesNone() {
        Order placed = anOrderHere().build();
        orders.add(placed, "rollback");
        Instant t = placed.createdAt();

        Order paid = orders.find(placed.id()).orElseThrow();
        paid.pay(PaymentMethod.CARD, paid.total(), CUSTOMER, t.plusSeconds(10));
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            orders.update(paid, 1);
            throw new IllegalStateException("the request failed after the write");
        })).hasMessageContaining("after the write");

        Order stale = orders.find(placed.id()).orElseThrow();
        Order winner = orders.find(placed.id()).orElseThrow();
        winner.cancel(null, CancelledBy.CUSTOMER, CUSTOMER, t.plusSeconds(20));
        orders.update(winner, 1);
        stale.pay(PaymentMethod.CARD, stale.total(), CUSTOMER, t.plusSeconds(30));
        assertThatThrownBy(() -> orders.update(stale, 1)).isInstanceOf(StaleOrderException.class);

        assertThat(rowsOf(placed)).extracting(r -> r.get("type")).containsExactly("order_placed", "order_cancelled");
    }

    @Test
    void rowsOfOneOrderFollowItsVersionsInFeedOrder() {
        Order placed = anOrderHere().build();
        orders.add(placed, "feed-order");
        Instant t = placed.createdAt();
        Order paid = orders.find(placed.id()).orElseThrow();
        paid.pay(PaymentMethod.POINT, paid.total(), CUSTOMER, t.plusSeconds(1));
        orders.update(paid, 1);
        Order accepted = orders.find(placed.id()).orElseThrow();
        accepted.accept(restaurant.ownerId(), t.plusSeconds(2));
        orders.update(accepted, 2);

        List<Long> versions = store.direct.withHandle(h -> h.createQuery(
                        "SELECT version FROM order_outbox WHERE order_id = :id ORDER BY txid, seq")
                .bind("id", placed.id().value()).mapTo(Long.class).list());
        assertThat(versions).containsExactly(1L, 2L, 3L);
    }

    private OrderBuilder anOrderHere() {
        return anOrder().withId(orders.nextId()).from(restaurant).placedBy(CUSTOMER).withLine(TTEOKBOKKI, 2);
    }

    private List<Map<String, Object>> rowsOf(Order order) {
        return store.direct.withHandle(h -> h.createQuery("""
                        SELECT id, aggregatetype, aggregateid, type, payload::text AS payload, version, status,
                               previous_status, restaurant_id, customer_id, owner_id, rider_id
                          FROM order_outbox WHERE order_id = :id ORDER BY version""")
                .bind("id", order.id().value()).mapToMap().list());
    }

    private static JsonNode json(Map<String, Object> row) {
        try {
            return JSON.readTree((String) row.get("payload"));
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
