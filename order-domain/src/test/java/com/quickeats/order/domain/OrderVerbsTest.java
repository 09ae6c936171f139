package com.quickeats.order.domain;

import static com.quickeats.order.domain.OrderStatus.DELIVERED;
import static com.quickeats.order.domain.OrderStatus.IN_TRANSIT;
import static com.quickeats.order.domain.OrderStatus.PENDING_ACCEPTANCE;
import static com.quickeats.order.domain.OrderStatus.PREPARING;
import static com.quickeats.order.domain.OrderStatus.READY_FOR_PICKUP;
import static com.quickeats.order.domain.testing.OrderBuilder.anOrder;
import static com.quickeats.order.domain.testing.RestaurantBuilder.COLA;
import static com.quickeats.order.domain.testing.RestaurantBuilder.FRIED_CHICKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quickeats.order.domain.OrderEvent.OrderAccepted;
import com.quickeats.order.domain.OrderEvent.OrderDelivered;
import com.quickeats.order.domain.OrderEvent.OrderPaid;
import com.quickeats.order.domain.OrderEvent.OrderPickedUp;
import com.quickeats.order.domain.OrderEvent.PreparationCompleted;
import com.quickeats.order.domain.testing.OrderBuilder;
import com.quickeats.order.domain.testing.RestaurantBuilder;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The verbs that move an order forward: pay, accept, complete preparation, pick up, deliver. */
class OrderVerbsTest {
    private static final UserId CUSTOMER = UserId.of("customer-1");
    private static final UserId OWNER = RestaurantBuilder.OWNER;
    private static final UserId RIDER = UserId.of("rider-7");
    private static final Instant LATER = Instant.parse("2026-11-23T11:00:00Z");

    @Test
    void payingTheExactTotalMovesToPendingAcceptance() {
        Order order = anOrder().withLine(FRIED_CHICKEN, 2).withLine(COLA, 1).build();

        OrderPaid paid = order.pay(PaymentMethod.MOBILE_PAY, Money.won(38_000), CUSTOMER, LATER);

        Payment expected = new Payment(PaymentMethod.MOBILE_PAY, Money.won(38_000), LATER);
        assertThat(order.status()).isEqualTo(PENDING_ACCEPTANCE);
        assertThat(order.payment()).contains(expected);
        assertThat(order.version()).isEqualTo(2);
        assertThat(order.updatedAt()).isEqualTo(LATER);
        assertThat(paid).isEqualTo(new OrderPaid(order.id(), 2, CUSTOMER, LATER, expected));
        assertThat(order.pendingEvents()).last().isEqualTo(paid);
    }

    @ParameterizedTest(name = "paying {0} won for an 18000 won order")
    @ValueSource(longs = {17_999, 18_001, 0, 36_000})
    void payingAnyOtherAmountIsUnprocessableAndChangesNothing(long amount) {
        Order order = anOrder().build();
        OrderSnapshot before = OrderSnapshot.of(order);

        assertThatThrownBy(() -> order.pay(PaymentMethod.CARD, Money.won(amount), CUSTOMER, LATER))
                .isInstanceOfSatisfying(BusinessRuleViolationException.class, refused ->
                        assertThat(refused.violations()).extracting(FieldViolation::field).containsExactly("amount"));
        assertThat(OrderSnapshot.of(order)).isEqualTo(before);
    }

    @Test
    void payingAnOrderThatIsAlreadyPaidIsRefusedEvenWithTheRightAmount() {
        Order order = anOrder().inStatus(PENDING_ACCEPTANCE).build();

        assertThatThrownBy(() -> order.pay(PaymentMethod.CARD, order.total(), CUSTOMER, LATER))
                .isInstanceOf(InvalidStateTransitionException.class);
        assertThat(order.payment().orElseThrow().paidAt()).isBefore(LATER);
    }

    @Test
    void acceptingAPaidOrderStartsPreparation() {
        Order order = anOrder().inStatus(PENDING_ACCEPTANCE).build();

        OrderAccepted accepted = order.accept(OWNER, LATER);

        assertThat(order.status()).isEqualTo(PREPARING);
        assertThat(order.version()).isEqualTo(3);
        assertThat(accepted).isEqualTo(new OrderAccepted(order.id(), 3, OWNER, LATER));
        assertThat(order.allowedActions()).doesNotContain(OrderAction.CANCELLATION);
    }

    @Test
    void acceptingAnUnpaidOrderIsRefused() {
        Order order = anOrder().build();

        assertThatThrownBy(() -> order.accept(OWNER, LATER)).isInstanceOf(InvalidStateTransitionException.class);
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
    }

    @Test
    void completingPreparationMakesTheOrderReadyForPickup() {
        Order order = anOrder().inStatus(PREPARING).build();

        PreparationCompleted completed = order.completePreparation(OWNER, LATER);

        assertThat(order.status()).isEqualTo(READY_FOR_PICKUP);
        assertThat(completed).isEqualTo(new PreparationCompleted(order.id(), 4, OWNER, LATER));
        assertThat(order.riderId()).isEmpty();
    }

    @Test
    void pickingUpRecordsTheRider() {
        Order order = anOrder().inStatus(READY_FOR_PICKUP).build();

        OrderPickedUp pickedUp = order.pickUp(RIDER, LATER);

        assertThat(order.status()).isEqualTo(IN_TRANSIT);
        assertThat(order.riderId()).contains(RIDER);
        assertThat(pickedUp).isEqualTo(new OrderPickedUp(order.id(), 5, RIDER, LATER, RIDER));
    }

    @Test
    void deliveringEndsTheOrdersLife() {
        Order order = anOrder().inStatus(IN_TRANSIT).pickedUpBy("rider-7").build();

        OrderDelivered delivered = order.deliver(RIDER, LATER);

        assertThat(order.status()).isEqualTo(DELIVERED);
        assertThat(order.allowedActions()).isEmpty();
        assertThat(order.riderId()).contains(RIDER);
        assertThat(delivered).isEqualTo(new OrderDelivered(order.id(), 6, RIDER, LATER));
    }

    @Test
    void aWholeLifeLeavesOneEventPerStepAndKeepsTheCreationTime() {
        Order order = anOrder().inStatus(DELIVERED).build();

        assertThat(order.pendingEvents()).extracting(OrderEvent::type).containsExactly("order_placed",
                "order_paid", "order_accepted", "preparation_completed", "order_picked_up", "order_delivered");
        assertThat(order.pendingEvents()).extracting(OrderEvent::version).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(order.createdAt()).isEqualTo(OrderBuilder.PLACED_AT);
        assertThat(order.updatedAt()).isEqualTo(OrderBuilder.PLACED_AT.plus(OrderBuilder.STEP.multipliedBy(5)));
        assertThat(order.updatedAt()).isEqualTo(order.pendingEvents().get(5).occurredAt());
    }

    @Test
    void aStoredOrderCarriesOnFromItsVersion() {
        Order stored = anOrder().inStatus(PREPARING).buildAsStored();

        stored.completePreparation(OWNER, LATER);

        assertThat(stored.persistedVersion()).isEqualTo(3);
        assertThat(stored.version()).isEqualTo(4);
        assertThat(stored.pendingEvents()).extracting(OrderEvent::version).containsExactly(4L);
    }

    @Test
    void aStoredOrderStartsAtVersionOneOrMore() {
        Order placed = anOrder().build();

        assertThatThrownBy(() -> Order.rehydrate(placed.id(), placed.customerId(), placed.restaurantId(),
                placed.restaurantOwnerId(), placed.lines(), placed.deliveryAddress(), placed.status(), 0, null, null,
                null, placed.createdAt(), placed.updatedAt())).isInstanceOf(IllegalArgumentException.class);
    }
}
