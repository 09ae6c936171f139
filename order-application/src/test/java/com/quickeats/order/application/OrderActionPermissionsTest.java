package com.quickeats.order.application;

import static com.quickeats.order.application.TestWorld.ADMIN;
import static com.quickeats.order.application.TestWorld.CUSTOMER;
import static com.quickeats.order.application.TestWorld.OTHER_RIDER;
import static com.quickeats.order.application.TestWorld.OWNER;
import static com.quickeats.order.application.TestWorld.RIDER;
import static com.quickeats.order.domain.OrderAction.ACCEPTANCE;
import static com.quickeats.order.domain.OrderAction.CANCELLATION;
import static com.quickeats.order.domain.OrderAction.DELIVERY;
import static com.quickeats.order.domain.OrderAction.PAYMENT;
import static com.quickeats.order.domain.OrderAction.PICKUP;
import static com.quickeats.order.domain.OrderAction.PREPARATION_COMPLETE;
import static com.quickeats.order.domain.OrderStatus.IN_TRANSIT;
import static com.quickeats.order.domain.OrderStatus.PENDING_ACCEPTANCE;
import static com.quickeats.order.domain.OrderStatus.PENDING_PAYMENT;
import static com.quickeats.order.domain.OrderStatus.PREPARING;
import static com.quickeats.order.domain.OrderStatus.READY_FOR_PICKUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quickeats.order.application.port.in.CancelOrderCommand;
import com.quickeats.order.application.port.in.PayOrderCommand;
import com.quickeats.order.domain.ActionNotPermittedException;
import com.quickeats.order.domain.Actor;
import com.quickeats.order.domain.BusinessRuleViolationException;
import com.quickeats.order.domain.CancelledBy;
import com.quickeats.order.domain.FieldViolation;
import com.quickeats.order.domain.InvalidInputException;
import com.quickeats.order.domain.Money;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderAction;
import com.quickeats.order.domain.OrderStatus;
import com.quickeats.order.domain.PaymentMethod;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Who may take which action on an order they can see (contract §3); the others are forbidden, not ignored. */
class OrderActionPermissionsTest {
    private final TestWorld world = new TestWorld();

    static Stream<Arguments> forbidden() {
        return Stream.of(
                Arguments.of(PENDING_PAYMENT, PAYMENT, OWNER),
                Arguments.of(PENDING_PAYMENT, PAYMENT, ADMIN),
                Arguments.of(PENDING_PAYMENT, CANCELLATION, OWNER),
                Arguments.of(PENDING_PAYMENT, CANCELLATION, ADMIN),
                Arguments.of(PENDING_ACCEPTANCE, ACCEPTANCE, CUSTOMER),
                Arguments.of(PENDING_ACCEPTANCE, ACCEPTANCE, ADMIN),
                Arguments.of(PENDING_ACCEPTANCE, CANCELLATION, ADMIN),
                Arguments.of(PREPARING, PREPARATION_COMPLETE, CUSTOMER),
                Arguments.of(PREPARING, PREPARATION_COMPLETE, ADMIN),
                Arguments.of(READY_FOR_PICKUP, PICKUP, CUSTOMER),
                Arguments.of(READY_FOR_PICKUP, PICKUP, OWNER),
                Arguments.of(READY_FOR_PICKUP, PICKUP, ADMIN),
                Arguments.of(READY_FOR_PICKUP, DELIVERY, RIDER),
                Arguments.of(READY_FOR_PICKUP, CANCELLATION, OTHER_RIDER),
                Arguments.of(IN_TRANSIT, DELIVERY, CUSTOMER),
                Arguments.of(IN_TRANSIT, DELIVERY, OWNER),
                Arguments.of(IN_TRANSIT, DELIVERY, ADMIN));
    }

    @ParameterizedTest(name = "{2} may not take {1} on a {0} order")
    @MethodSource("forbidden")
    void actionsByTheWrongPartyAreForbiddenAndChangeNothing(OrderStatus status, OrderAction action, Actor actor) {
        Order order = world.orderIn(status);

        assertThatThrownBy(() -> world.act(actor, action, order)).isInstanceOf(ActionNotPermittedException.class);
        assertThat(world.reload(order).version()).isEqualTo(order.version());
        assertThat(world.reload(order).status()).isEqualTo(status);
    }

    @Test
    void theCustomerMayCallOffAnUnpaidOrderWithNoRefundDue() {
        Order order = world.orderIn(PENDING_PAYMENT);

        Order cancelled = world.app.orderActions().cancel(CUSTOMER, new CancelOrderCommand(order.id(), "oops",
                TestWorld.at(order)));

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.cancellation()).hasValueSatisfying(c -> {
            assertThat(c.cancelledBy()).isEqualTo(CancelledBy.CUSTOMER);
            assertThat(c.refundDue()).isFalse();
            assertThat(c.reason()).isEqualTo("oops");
        });
    }

    @Test
    void theCustomerMayCallOffAPaidOrderAwaitingAcceptanceWithARefundDue() {
        Order cancelled = world.act(CUSTOMER, CANCELLATION, world.orderIn(PENDING_ACCEPTANCE));

        assertThat(cancelled.cancellation()).hasValueSatisfying(c -> assertThat(c.refundDue()).isTrue());
    }

    @Test
    void theOwnerDeclinesAnOrderAwaitingAcceptanceAsTheRestaurant() {
        Order declined = world.act(OWNER, CANCELLATION, world.orderIn(PENDING_ACCEPTANCE));

        assertThat(declined.cancellation()).hasValueSatisfying(c -> {
            assertThat(c.cancelledBy()).isEqualTo(CancelledBy.RESTAURANT);
            assertThat(c.refundDue()).isTrue();
        });
        assertThat(world.app.orderQueries().history(CUSTOMER, declined.id())).last()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(OWNER.id()));
    }

    @Test
    void anyRiderMayPickUpAndBecomesTheOnlyOneWhoMayDeliver() {
        Order order = world.orderIn(READY_FOR_PICKUP);

        Order pickedUp = world.act(OTHER_RIDER, PICKUP, order);

        assertThat(pickedUp.riderId()).contains(OTHER_RIDER.id());
        assertThatThrownBy(() -> world.act(RIDER, DELIVERY, pickedUp)).isInstanceOf(NotFoundException.class);
        assertThat(world.act(OTHER_RIDER, DELIVERY, pickedUp).status()).isEqualTo(OrderStatus.DELIVERED);
    }

    @Test
    void aPaymentOfAnythingButTheTotalIsUnprocessableAndChangesNothing() {
        Order order = world.orderIn(PENDING_PAYMENT);

        assertThatThrownBy(() -> world.app.orderActions().pay(CUSTOMER, new PayOrderCommand(order.id(),
                PaymentMethod.POINT, Money.won(order.total().amount() - 1), TestWorld.at(order))))
                .isInstanceOfSatisfying(BusinessRuleViolationException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("amount"));
        assertThat(world.reload(order).status()).isEqualTo(PENDING_PAYMENT);
        assertThat(world.reload(order).payment()).isEmpty();
    }

    @Test
    void theRestaurantIsTheOwnersOnlyWhileTheyOwnIt() {
        Order order = world.orderIn(PENDING_ACCEPTANCE);
        Actor customerNamedLikeTheOwner = Actor.of(OWNER.id().value(), CUSTOMER.role());

        assertThatThrownBy(() -> world.act(customerNamedLikeTheOwner, ACCEPTANCE, order))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aCancellationReasonHasAtMostFiveHundredCharacters() {
        Order order = world.orderIn(PENDING_PAYMENT);

        assertThatThrownBy(() -> new CancelOrderCommand(order.id(), "취".repeat(501), TestWorld.at(order)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("reason"));
        Order cancelled = world.app.orderActions().cancel(CUSTOMER, new CancelOrderCommand(order.id(),
                "취".repeat(500), TestWorld.at(order)));
        assertThat(cancelled.cancellation()).hasValueSatisfying(c -> assertThat(c.reason()).hasSize(500));
    }
}
