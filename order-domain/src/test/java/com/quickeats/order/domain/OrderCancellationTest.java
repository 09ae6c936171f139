package com.quickeats.order.domain;

import static com.quickeats.order.domain.testing.OrderBuilder.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quickeats.order.domain.OrderEvent.OrderCancelled;
import com.quickeats.order.domain.testing.RestaurantBuilder;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Calling an order off: by its customer before acceptance, or by the restaurant declining it. */
class OrderCancellationTest {
    private static final UserId CUSTOMER = UserId.of("customer-1");
    private static final Instant LATER = Instant.parse("2026-11-23T11:00:00Z");

    @Test
    void cancellingAnUnpaidOrderOwesNoRefund() {
        Order order = anOrder().build();

        OrderCancelled cancelled = order.cancel("ordered by mistake", CancelledBy.CUSTOMER, CUSTOMER, LATER);

        Cancellation expected = new Cancellation("ordered by mistake", CancelledBy.CUSTOMER, false, LATER);
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.cancellation()).contains(expected);
        assertThat(order.version()).isEqualTo(2);
        assertThat(cancelled).isEqualTo(new OrderCancelled(order.id(), 2, CUSTOMER, LATER, expected));
    }

    @Test
    void cancellingAPaidOrderMakesARefundDue() {
        Order order = anOrder().inStatus(OrderStatus.PENDING_ACCEPTANCE).build();

        order.cancel(null, CancelledBy.CUSTOMER, CUSTOMER, LATER);

        assertThat(order.cancellation().orElseThrow().refundDue()).isTrue();
        assertThat(order.payment()).isPresent();
    }

    @Test
    void aRestaurantDecliningAPaidOrderOwesARefund() {
        Order order = anOrder().inStatus(OrderStatus.PENDING_ACCEPTANCE).build();

        order.cancel("out of chicken", CancelledBy.RESTAURANT, RestaurantBuilder.OWNER, LATER);

        Cancellation cancellation = order.cancellation().orElseThrow();
        assertThat(cancellation.cancelledBy()).isEqualTo(CancelledBy.RESTAURANT);
        assertThat(cancellation.refundDue()).isTrue();
        assertThat(order.pendingEvents()).last().extracting(OrderEvent::actor).isEqualTo(RestaurantBuilder.OWNER);
    }

    @Test
    void theBuilderCancelsBothWays() {
        assertThat(anOrder().cancelledBeforePaying().build().cancellation().orElseThrow().refundDue()).isFalse();
        assertThat(anOrder().cancelledAfterPaying().build().cancellation().orElseThrow().refundDue()).isTrue();
        assertThat(anOrder().declinedByRestaurant().build().cancellation().orElseThrow().cancelledBy())
                .isEqualTo(CancelledBy.RESTAURANT);
        assertThat(anOrder().inStatus(OrderStatus.CANCELLED).paidBeforeCancelling(true).build().payment())
                .isPresent();
        assertThat(anOrder().inStatus(OrderStatus.CANCELLED).build().payment()).isEmpty();
    }

    @Test
    void cancellingAPreparingOrderIsRefused() {
        Order order = anOrder().inStatus(OrderStatus.PREPARING).build();
        OrderSnapshot before = OrderSnapshot.of(order);

        assertThatThrownBy(() -> order.cancel("too slow", CancelledBy.CUSTOMER, CUSTOMER, LATER))
                .isInstanceOfSatisfying(InvalidStateTransitionException.class, refused -> {
                    assertThat(refused.currentStatus()).isEqualTo(OrderStatus.PREPARING);
                    assertThat(refused.action()).isEqualTo(OrderAction.CANCELLATION);
                });
        assertThat(OrderSnapshot.of(order)).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(names = {"READY_FOR_PICKUP", "IN_TRANSIT", "DELIVERED"})
    void noOrderCanBeCancelledOnceItsFoodIsCooked(OrderStatus status) {
        Order order = anOrder().inStatus(status).build();

        assertThatThrownBy(() -> order.cancel(null, CancelledBy.RESTAURANT, RestaurantBuilder.OWNER, LATER))
                .isInstanceOf(InvalidStateTransitionException.class);
        assertThat(order.cancellation()).isEmpty();
    }

    @Test
    void cancellingTwiceIsRefused() {
        Order order = anOrder().cancelledAfterPaying().build();
        Cancellation first = order.cancellation().orElseThrow();

        assertThatThrownBy(() -> order.cancel("again", CancelledBy.CUSTOMER, CUSTOMER, LATER))
                .isInstanceOf(InvalidStateTransitionException.class);
        assertThat(order.cancellation()).contains(first);
    }

    @Test
    void aReasonOfMoreThan500CharactersIsRefusedAndChangesNothing() {
        Order order = anOrder().build();
        OrderSnapshot before = OrderSnapshot.of(order);

        assertThatThrownBy(() -> order.cancel("x".repeat(501), CancelledBy.CUSTOMER, CUSTOMER, LATER))
                .isInstanceOfSatisfying(InvalidInputException.class, refused ->
                        assertThat(refused.violations()).extracting(FieldViolation::field).containsExactly("reason"));
        assertThat(OrderSnapshot.of(order)).isEqualTo(before);
    }

    @Test
    void aReasonOf500KoreanCharactersOrNoneAtAllIsAccepted() {
        Order withReason = anOrder().build();
        Order withoutReason = anOrder().build();

        withReason.cancel("배".repeat(500), CancelledBy.CUSTOMER, CUSTOMER, LATER);
        withoutReason.cancel(null, CancelledBy.CUSTOMER, CUSTOMER, LATER);

        assertThat(withReason.cancellation().orElseThrow().reason()).hasSize(500);
        assertThat(withoutReason.cancellation().orElseThrow().reason()).isNull();
    }
}
