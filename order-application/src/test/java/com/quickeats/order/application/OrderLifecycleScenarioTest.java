package com.quickeats.order.application;

import static com.quickeats.order.application.TestWorld.ADDRESS;
import static com.quickeats.order.application.TestWorld.ADMIN;
import static com.quickeats.order.application.TestWorld.CUSTOMER;
import static com.quickeats.order.application.TestWorld.OTHER_CUSTOMER;
import static com.quickeats.order.application.TestWorld.OTHER_OWNER;
import static com.quickeats.order.application.TestWorld.OTHER_RIDER;
import static com.quickeats.order.application.TestWorld.OWNER;
import static com.quickeats.order.application.TestWorld.RIDER;
import static com.quickeats.order.application.TestWorld.STEP;
import static com.quickeats.order.application.TestWorld.at;
import static com.quickeats.order.application.TestWorld.ids;
import static com.quickeats.order.application.TestWorld.item;
import static com.quickeats.order.application.TestWorld.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quickeats.order.application.IdempotentExecutor.Outcome;
import com.quickeats.order.application.port.in.AddMenuItemCommand;
import com.quickeats.order.application.port.in.CancelOrderCommand;
import com.quickeats.order.application.port.in.ListOrdersQuery;
import com.quickeats.order.application.port.in.PayOrderCommand;
import com.quickeats.order.application.port.in.PlaceOrderCommand;
import com.quickeats.order.application.port.in.RegisterRestaurantCommand;
import com.quickeats.order.application.port.out.IdempotencyClaim;
import com.quickeats.order.application.port.out.RecordedEvent;
import com.quickeats.order.application.port.out.RestaurantSummary;
import com.quickeats.order.domain.ActionNotPermittedException;
import com.quickeats.order.domain.Actor;
import com.quickeats.order.domain.InvalidStateTransitionException;
import com.quickeats.order.domain.LineRequest;
import com.quickeats.order.domain.Money;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderStatus;
import com.quickeats.order.domain.PaymentMethod;
import com.quickeats.order.domain.Restaurant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * One order's whole life, told as the people involved live it, through the real use cases on in-memory
 * adapters: a restaurant opens, customers order, one order is paid, cooked, carried and delivered.
 */
class OrderLifecycleScenarioTest {
    private final TestWorld world = new TestWorld();
    private final UseCases app = world.app;

    @Test
    void anOrderIsPlacedPaidCookedCarriedAndDelivered() {
        // The admin opens two restaurants; each owner fills their own menu.
        Restaurant chicken = app.restaurants().register(ADMIN, new RegisterRestaurantCommand("치킨집", "owner-1"));
        chicken = app.restaurants().addMenuItem(OWNER, new AddMenuItemCommand(chicken.id(), "후라이드치킨", 18_000));
        chicken = app.restaurants().addMenuItem(OWNER, new AddMenuItemCommand(chicken.id(), "콜라", 2_000));
        Restaurant pizza = world.pizzaPlace();

        // customer-1 orders two chickens and a cola by restaurant id, then a cola by restaurant name.
        world.clock.advance(STEP);
        Order order = app.placeOrder().place(CUSTOMER, new PlaceOrderCommand(Optional.of(chicken.id()),
                Optional.empty(), List.of(new LineRequest(item(chicken, "후라이드치킨"), 2),
                        new LineRequest(item(chicken, "콜라"), 1)), ADDRESS, "place-1")).order();
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(order.version()).isEqualTo(1);
        assertThat(order.total()).isEqualTo(Money.won(38_000));
        world.clock.advance(STEP);
        Order byName = app.placeOrder().place(CUSTOMER, new PlaceOrderCommand(Optional.empty(), Optional.of("치킨집"),
                List.of(new LineRequest(item(chicken, "콜라"), 1)), ADDRESS, "place-2")).order();
        assertThat(byName.restaurantId()).isEqualTo(chicken.id());
        Order pizzaOrder = world.place(OTHER_CUSTOMER, pizza);

        // She pays; her app retries the same request, which is replayed and charges nothing more.
        world.clock.advance(STEP);
        AtomicInteger charges = new AtomicInteger();
        IdempotencyClaim payClaim = new IdempotencyClaim(CUSTOMER.id(), "pay-1",
                "POST /api/v2/orders/" + order.id() + "/payment sha256:abc");
        PayOrderCommand pay = new PayOrderCommand(order.id(), PaymentMethod.CARD, Money.won(38_000), at(order));
        Outcome paid = app.idempotency().execute(payClaim, () -> {
            charges.incrementAndGet();
            return app.orderActions().pay(CUSTOMER, pay);
        }, TestRenderer.orders());
        Outcome retried = app.idempotency().execute(payClaim, () -> {
            charges.incrementAndGet();
            return app.orderActions().pay(CUSTOMER, pay);
        }, TestRenderer.orders());
        assertThat(paid.replayed()).isFalse();
        assertThat(retried.replayed()).isTrue();
        assertThat(retried.response()).isEqualTo(paid.response());
        assertThat(paid.response().headers()).containsEntry("ETag", "\"order-" + order.id() + "-v2\"");
        assertThat(charges).hasValue(1);
        order = world.reload(order);
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING_ACCEPTANCE);
        assertThat(order.payment()).hasValueSatisfying(p -> assertThat(p.amount()).isEqualTo(Money.won(38_000)));

        // The owner accepts; the customer's late cancellation conflicts with the kitchen having started.
        world.clock.advance(STEP);
        order = app.orderActions().accept(OWNER, on(order));
        assertThat(order.status()).isEqualTo(OrderStatus.PREPARING);
        Order preparing = order;
        assertThatThrownBy(() -> app.orderActions().cancel(CUSTOMER,
                new CancelOrderCommand(preparing.id(), "too slow", at(preparing))))
                .isInstanceOfSatisfying(InvalidStateTransitionException.class,
                        e -> assertThat(e.currentStatus()).isEqualTo(OrderStatus.PREPARING));
        assertThat(world.reload(order).version()).isEqualTo(3);

        // The food is ready; a rider who has not picked it up may not deliver it.
        world.clock.advance(STEP);
        order = app.orderActions().completePreparation(OWNER, on(order));
        Order ready = order;
        assertThatThrownBy(() -> app.orderActions().deliver(OTHER_RIDER, on(ready)))
                .isInstanceOf(ActionNotPermittedException.class);

        // rider-1 picks it up: from now on it is out of rider-2's sight, and only rider-1 may deliver it.
        world.clock.advance(STEP);
        order = app.orderActions().pickUp(RIDER, on(order));
        assertThat(order.riderId()).contains(RIDER.id());
        Order inTransit = order;
        assertThatThrownBy(() -> app.orderActions().deliver(OTHER_RIDER, on(inTransit)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> app.orderActions().deliver(CUSTOMER, on(inTransit)))
                .isInstanceOf(ActionNotPermittedException.class);
        world.clock.advance(STEP);
        order = app.orderActions().deliver(RIDER, on(order));
        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(order.version()).isEqualTo(6);

        // The history tells who did what, one version per step.
        List<RecordedEvent> history = app.orderQueries().history(CUSTOMER, order.id());
        assertThat(history).extracting(RecordedEvent::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(history).extracting(RecordedEvent::version).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(history).extracting(RecordedEvent::type).containsExactly("order_placed", "order_paid",
                "order_accepted", "preparation_completed", "order_picked_up", "order_delivered");
        assertThat(history).extracting(e -> e.actor().value()).containsExactly("customer-1", "customer-1",
                "owner-1", "owner-1", "rider-1", "rider-1");
        assertThat(history).extracting(RecordedEvent::occurredAt).isSorted();

        // Everybody's list shows what they may see, newest first, with the restaurants side-loaded.
        long a = order.id().value();
        long b = byName.id().value();
        long c = pizzaOrder.id().value();
        assertThat(ids(world.listed(CUSTOMER))).containsExactly(b, a);
        assertThat(ids(world.listed(OTHER_CUSTOMER))).containsExactly(c);
        assertThat(ids(world.listed(OWNER))).containsExactly(b, a);
        assertThat(ids(world.listed(OTHER_OWNER))).containsExactly(c);
        assertThat(ids(world.listed(RIDER))).containsExactly(a);
        assertThat(ids(world.listed(OTHER_RIDER))).isEmpty();
        assertThat(ids(world.listed(ADMIN))).containsExactly(c, b, a);
        assertThat(includedOf(ADMIN)).containsExactlyInAnyOrder("치킨집", "피자집");
        assertThat(includedOf(CUSTOMER)).containsExactly("치킨집");
        assertThat(includedOf(OTHER_RIDER)).isEmpty();
    }

    private List<String> includedOf(Actor actor) {
        return app.orderQueries().list(actor, new ListOrdersQuery(Optional.empty(), Optional.empty(), 100,
                Optional.empty())).restaurants().stream().map(RestaurantSummary::name).toList();
    }
}
