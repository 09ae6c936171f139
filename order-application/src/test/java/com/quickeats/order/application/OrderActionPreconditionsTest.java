package com.quickeats.order.application;

import static com.quickeats.order.application.TestWorld.CUSTOMER;
import static com.quickeats.order.application.TestWorld.OTHER_CUSTOMER;
import static com.quickeats.order.application.TestWorld.OWNER;
import static com.quickeats.order.application.TestWorld.RIDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quickeats.order.application.port.in.PayOrderCommand;
import com.quickeats.order.application.port.in.Precondition;
import com.quickeats.order.domain.ActionNotPermittedException;
import com.quickeats.order.domain.Actor;
import com.quickeats.order.domain.BusinessRuleViolationException;
import com.quickeats.order.domain.InvalidStateTransitionException;
import com.quickeats.order.domain.Money;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderAction;
import com.quickeats.order.domain.OrderStatus;
import com.quickeats.order.domain.PaymentMethod;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every action names the version it was based on (If-Match), and the checks come in the contract's order:
 * not visible (404), not permitted (403), no precondition (428), precondition not met (412), then the
 * state machine (409) and the domain's rules (422).
 */
class OrderActionPreconditionsTest {
    private final TestWorld world = new TestWorld();

    static Stream<Arguments> everyActionWithItsParty() {
        return Stream.of(
                Arguments.of(OrderStatus.PENDING_PAYMENT, OrderAction.PAYMENT, CUSTOMER),
                Arguments.of(OrderStatus.PENDING_ACCEPTANCE, OrderAction.ACCEPTANCE, OWNER),
                Arguments.of(OrderStatus.PREPARING, OrderAction.PREPARATION_COMPLETE, OWNER),
                Arguments.of(OrderStatus.READY_FOR_PICKUP, OrderAction.PICKUP, RIDER),
                Arguments.of(OrderStatus.IN_TRANSIT, OrderAction.DELIVERY, RIDER),
                Arguments.of(OrderStatus.PENDING_PAYMENT, OrderAction.CANCELLATION, CUSTOMER));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("everyActionWithItsParty")
    void everyActionRequiresAPrecondition(OrderStatus status, OrderAction action,
                                          Actor party) {
        Order order = world.orderIn(status);

        assertThatThrownBy(() -> world.act(party, action, order, new Precondition.Missing()))
                .isInstanceOf(PreconditionRequiredException.class);
        assertThat(world.reload(order).version()).isEqualTo(order.version());
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("everyActionWithItsParty")
    void aPreconditionThatDoesNotMatchFailsWithTheCurrentVersionAndChangesNothing(
            OrderStatus status, OrderAction action, Actor party) {
        Order order = world.orderIn(status);

        assertThatThrownBy(() -> world.act(party, action, order, Precondition.version(order.version() - 1)))
                .isInstanceOfSatisfying(PreconditionFailedException.class, e -> {
                    assertThat(e.currentVersion()).isEqualTo(order.version());
                    assertThat(e.orderId()).isEqualTo(order.id());
                });
        assertThat(world.reload(order).version()).isEqualTo(order.version());
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("everyActionWithItsParty")
    void aMatchingPreconditionLetsTheActionRaiseTheVersionByOne(OrderStatus status, OrderAction action,
                                                               Actor party) {
        Order order = world.orderIn(status);

        assertThat(world.act(party, action, order).version()).isEqualTo(order.version() + 1);
        assertThat(world.reload(order).version()).isEqualTo(order.version() + 1);
    }

    @Test
    void aListMatchesWhenAnyOfItsVersionsIsCurrent() {
        Order order = world.orderIn(OrderStatus.PENDING_PAYMENT);

        Order paid = world.act(CUSTOMER, OrderAction.PAYMENT, order, new Precondition.OneOf(Set.of(7L, 1L, 3L)));

        assertThat(paid.status()).isEqualTo(OrderStatus.PENDING_ACCEPTANCE);
    }

    @Test
    void anEmptyListSuchAsOnlyWeakTagsNeverMatches() {
        Order order = world.orderIn(OrderStatus.PENDING_PAYMENT);

        assertThatThrownBy(() -> world.act(CUSTOMER, OrderAction.PAYMENT, order, new Precondition.OneOf(Set.of())))
                .isInstanceOfSatisfying(PreconditionFailedException.class,
                        e -> assertThat(e.currentVersion()).isEqualTo(1));
    }

    @Test
    void anyVersionMatchesWhateverTheCurrentVersionIs() {
        Order order = world.orderIn(OrderStatus.PREPARING);

        Order ready = world.act(OWNER, OrderAction.PREPARATION_COMPLETE, order, new Precondition.AnyVersion());

        assertThat(ready.version()).isEqualTo(4);
    }

    @Test
    void notFoundComesBeforeEverythingElse() {
        Order delivered = world.orderIn(OrderStatus.DELIVERED);

        assertThatThrownBy(() -> world.act(OTHER_CUSTOMER, OrderAction.ACCEPTANCE, delivered,
                new Precondition.Missing())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void forbiddenComesBeforeAMissingPreconditionAndTheStateMachine() {
        Order delivered = world.orderIn(OrderStatus.DELIVERED);

        assertThatThrownBy(() -> world.act(CUSTOMER, OrderAction.ACCEPTANCE, delivered, new Precondition.Missing()))
                .isInstanceOf(ActionNotPermittedException.class);
    }

    @Test
    void aMissingPreconditionComesBeforeTheStateMachine() {
        Order delivered = world.orderIn(OrderStatus.DELIVERED);

        assertThatThrownBy(() -> world.act(OWNER, OrderAction.ACCEPTANCE, delivered, new Precondition.Missing()))
                .isInstanceOf(PreconditionRequiredException.class);
    }

    @Test
    void aFailedPreconditionComesBeforeTheStateMachine() {
        Order delivered = world.orderIn(OrderStatus.DELIVERED);

        assertThatThrownBy(() -> world.act(OWNER, OrderAction.ACCEPTANCE, delivered, Precondition.version(1)))
                .isInstanceOfSatisfying(PreconditionFailedException.class,
                        e -> assertThat(e.currentVersion()).isEqualTo(6));
    }

    @Test
    void theStateMachineSpeaksWhenEverythingElseIsInOrder() {
        Order delivered = world.orderIn(OrderStatus.DELIVERED);

        assertThatThrownBy(() -> world.act(OWNER, OrderAction.ACCEPTANCE, delivered))
                .isInstanceOfSatisfying(InvalidStateTransitionException.class, e -> {
                    assertThat(e.currentStatus()).isEqualTo(OrderStatus.DELIVERED);
                    assertThat(e.allowedActions()).isEmpty();
                });
    }

    @Test
    void aFailedPreconditionComesBeforeAWrongAmount() {
        Order order = world.orderIn(OrderStatus.PENDING_PAYMENT);

        assertThatThrownBy(() -> world.app.orderActions().pay(CUSTOMER, new PayOrderCommand(order.id(),
                PaymentMethod.CARD, Money.won(1), Precondition.version(2))))
                .isInstanceOf(PreconditionFailedException.class);
    }

    @Test
    void theStateMachineComesBeforeAWrongAmount() {
        Order order = world.orderIn(OrderStatus.PENDING_ACCEPTANCE);

        assertThatThrownBy(() -> world.app.orderActions().pay(CUSTOMER, new PayOrderCommand(order.id(),
                PaymentMethod.CARD, Money.won(1), TestWorld.at(order))))
                .isInstanceOf(InvalidStateTransitionException.class);
    }

    @Test
    void aWrongAmountIsTheLastThingChecked() {
        Order order = world.orderIn(OrderStatus.PENDING_PAYMENT);

        assertThatThrownBy(() -> world.app.orderActions().pay(CUSTOMER, new PayOrderCommand(order.id(),
                PaymentMethod.CARD, Money.won(1), TestWorld.at(order))))
                .isInstanceOf(BusinessRuleViolationException.class);
    }

    @Test
    void onceBeingPreparedAnOrderCanNoLongerBeCancelledByAnybody() {
        Order preparing = world.orderIn(OrderStatus.PREPARING);

        assertThatThrownBy(() -> world.act(CUSTOMER, OrderAction.CANCELLATION, preparing))
                .isInstanceOf(InvalidStateTransitionException.class);
        assertThatThrownBy(() -> world.act(OWNER, OrderAction.CANCELLATION, preparing))
                .isInstanceOf(InvalidStateTransitionException.class);
        assertThat(world.reload(preparing).status()).isEqualTo(OrderStatus.PREPARING);
    }
}
