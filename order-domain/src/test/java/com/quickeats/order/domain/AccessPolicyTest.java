package com.quickeats.order.domain;

import static com.quickeats.order.domain.OrderStatus.PENDING_ACCEPTANCE;
import static com.quickeats.order.domain.OrderStatus.PENDING_PAYMENT;
import static com.quickeats.order.domain.OrderStatus.PREPARING;
import static com.quickeats.order.domain.testing.OrderBuilder.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.quickeats.order.domain.testing.RestaurantBuilder;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Who may do what (contract §3). */
class AccessPolicyTest {
    private static final Instant LATER = Instant.parse("2026-11-23T12:00:00Z");

    /** Contract §3: who may take each action, on an order whose status allows it. */
    static final String WHO_MAY = """
            caller          payment  acceptance  preparation-complete  pickup  delivery  cancellation
            customer        yes      no          no                    no      no        yes
            other-customer  no       no          no                    no      no        no
            owner           no       yes         yes                   no      no        yes
            other-owner     no       no          no                    no      no        no
            rider           no       no          no                    yes     yes       no
            other-rider     no       no          no                    yes     no        no
            admin           no       no          no                    no      no        no
            """;

    /** The status each action is tried from: one the state machine allows it from. */
    static final Map<OrderAction, OrderStatus> TRIED_FROM = Map.of(
            OrderAction.PAYMENT, PENDING_PAYMENT,
            OrderAction.ACCEPTANCE, PENDING_ACCEPTANCE,
            OrderAction.PREPARATION_COMPLETE, PREPARING,
            OrderAction.PICKUP, OrderStatus.READY_FOR_PICKUP,
            OrderAction.DELIVERY, OrderStatus.IN_TRANSIT,
            OrderAction.CANCELLATION, PENDING_ACCEPTANCE);

    @ParameterizedTest(name = "{0} may take {1}: {2}")
    @MethodSource("whoMay")
    void theRoleAndActionMatrixOfTheSpec(String caller, String action, String permitted) {
        OrderAction orderAction = OrderAction.fromWireName(action).orElseThrow();
        Order order = anOrder().inStatus(TRIED_FROM.get(orderAction)).build();
        Actor actor = Callers.named(caller);

        if (Callers.yesOrNo(permitted)) {
            assertThatCode(() -> AccessPolicy.checkMayTake(actor, orderAction, order))
                    .doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> AccessPolicy.checkMayTake(actor, orderAction, order))
                    .isInstanceOf(ActionNotPermittedException.class)
                    .hasMessageContaining(action);
        }
    }

    @Test
    void theMatrixNamesEveryCallerAndEveryAction() {
        TextTable table = TextTable.parse(WHO_MAY);

        assertThat(table.columns()).map(column -> OrderAction.fromWireName(column).orElseThrow())
                .containsExactlyInAnyOrder(OrderAction.values());
        assertThat(table.rows()).map(TextTable.Row::key).containsExactlyInAnyOrderElementsOf(Callers.BY_NAME.keySet());
    }

    @Test
    void theOwnerMayDeclineOnlyAnOrderAwaitingAcceptance() {
        Actor owner = Callers.named("owner");
        Order awaitingPayment = anOrder().inStatus(PENDING_PAYMENT).build();
        Order awaitingAcceptance = anOrder().inStatus(PENDING_ACCEPTANCE).build();

        assertThatThrownBy(() -> AccessPolicy.checkMayTake(owner, OrderAction.CANCELLATION, awaitingPayment))
                .isInstanceOf(ActionNotPermittedException.class);
        assertThatCode(() -> AccessPolicy.checkMayTake(owner, OrderAction.CANCELLATION, awaitingAcceptance))
                .doesNotThrowAnyException();
        assertThat(AccessPolicy.cancellingParty(owner)).isEqualTo(CancelledBy.RESTAURANT);
    }

    @ParameterizedTest
    @EnumSource(names = {"PENDING_PAYMENT", "PENDING_ACCEPTANCE"})
    void theCustomerMayCancelBeforeAcceptance(OrderStatus status) {
        Actor customer = Callers.named("customer");
        Order order = anOrder().inStatus(status).build();

        assertThatCode(() -> AccessPolicy.checkMayTake(customer, OrderAction.CANCELLATION, order))
                .doesNotThrowAnyException();
        assertThat(AccessPolicy.cancellingParty(customer)).isEqualTo(CancelledBy.CUSTOMER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"customer", "owner"})
    void aPreparingOrderPassesThePolicyButTheStateMachineRefusesToCancelIt(String caller) {
        Actor actor = Callers.named(caller);
        Order preparing = anOrder().inStatus(PREPARING).build();

        assertThatCode(() -> AccessPolicy.checkMayTake(actor, OrderAction.CANCELLATION, preparing))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> preparing.cancel(null, AccessPolicy.cancellingParty(actor), actor.id(), LATER))
                .isInstanceOfSatisfying(InvalidStateTransitionException.class, refused ->
                        assertThat(refused.currentStatus()).isEqualTo(PREPARING));
    }

    @Test
    void noRiderMayDeliverAnOrderNobodyHasPickedUp() {
        Order waiting = anOrder().inStatus(OrderStatus.READY_FOR_PICKUP).build();

        assertThatThrownBy(() -> AccessPolicy.checkMayTake(Callers.named("rider"), OrderAction.DELIVERY, waiting))
                .isInstanceOf(ActionNotPermittedException.class);
    }

    @Test
    void theRoleCountsNotJustTheSub() {
        Order awaitingPayment = anOrder().build();
        Order awaitingAcceptance = anOrder().inStatus(PENDING_ACCEPTANCE).build();
        Order inTransit = anOrder().inStatus(OrderStatus.IN_TRANSIT).build();

        assertRefused(Actor.of("customer-1", Role.ADMIN), OrderAction.PAYMENT, awaitingPayment);
        assertRefused(Actor.of("owner-1", Role.CUSTOMER), OrderAction.ACCEPTANCE, awaitingAcceptance);
        assertRefused(Actor.of("rider-1", Role.CUSTOMER), OrderAction.DELIVERY, inTransit);
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void onlyACustomerMayPlaceOrders(Role role) {
        Actor actor = Actor.of("someone", role);
        if (role == Role.CUSTOMER) {
            assertThatCode(() -> AccessPolicy.checkMayPlaceOrders(actor)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> AccessPolicy.checkMayPlaceOrders(actor))
                    .isInstanceOf(ActionNotPermittedException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void onlyAnAdminMayRegisterRestaurants(Role role) {
        Actor actor = Actor.of("someone", role);
        if (role == Role.ADMIN) {
            assertThatCode(() -> AccessPolicy.checkMayRegisterRestaurants(actor)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> AccessPolicy.checkMayRegisterRestaurants(actor))
                    .isInstanceOf(ActionNotPermittedException.class);
        }
    }

    @Test
    void onlyTheRestaurantsOwnerMayChangeItsMenu() {
        Restaurant restaurant = RestaurantBuilder.aRestaurant().build();

        assertThatCode(() -> AccessPolicy.checkMayManageMenu(Callers.named("owner"), restaurant))
                .doesNotThrowAnyException();
        for (Actor actor : new Actor[] {Callers.named("other-owner"), Callers.named("admin"),
                Actor.of("owner-1", Role.CUSTOMER)}) {
            assertThatThrownBy(() -> AccessPolicy.checkMayManageMenu(actor, restaurant)).as(actor.toString())
                    .isInstanceOf(ActionNotPermittedException.class);
        }
    }

    static Stream<Arguments> whoMay() {
        return TextTable.parse(WHO_MAY).cells().stream()
                .map(cell -> arguments(cell.row(), cell.column(), cell.value()));
    }

    private static void assertRefused(Actor actor, OrderAction action, Order order) {
        assertThatThrownBy(() -> AccessPolicy.checkMayTake(actor, action, order)).as(actor + " " + action)
                .isInstanceOf(ActionNotPermittedException.class);
    }
}
