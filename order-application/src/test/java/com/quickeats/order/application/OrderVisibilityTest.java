package com.quickeats.order.application;

import static com.quickeats.order.application.TestWorld.ADMIN;
import static com.quickeats.order.application.TestWorld.CUSTOMER;
import static com.quickeats.order.application.TestWorld.OTHER_CUSTOMER;
import static com.quickeats.order.application.TestWorld.OTHER_OWNER;
import static com.quickeats.order.application.TestWorld.OTHER_RIDER;
import static com.quickeats.order.application.TestWorld.OWNER;
import static com.quickeats.order.application.TestWorld.RIDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.quickeats.order.application.port.in.OrderActionCommand;
import com.quickeats.order.application.port.in.Precondition;
import com.quickeats.order.domain.Actor;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderAction;
import com.quickeats.order.domain.OrderId;
import com.quickeats.order.domain.OrderStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Who may read an order; everybody else is told it does not exist, exactly as if it did not. */
class OrderVisibilityTest {
    private final TestWorld world = new TestWorld();

    private void assertInvisibleTo(Actor actor, Order order) {
        String missing = "order " + order.id() + " not found";
        assertThatThrownBy(() -> world.app.orderQueries().get(actor, order.id()))
                .isInstanceOf(NotFoundException.class).hasMessage(missing);
        assertThatThrownBy(() -> world.app.orderQueries().history(actor, order.id()))
                .isInstanceOf(NotFoundException.class).hasMessage(missing);
    }

    private void assertVisibleTo(Actor actor, Order order) {
        assertThat(world.app.orderQueries().get(actor, order.id()).version()).isEqualTo(order.version());
        assertThat(world.app.orderQueries().history(actor, order.id())).hasSize((int) order.version());
    }

    @Test
    void anOrderThatDoesNotExistIsNotFoundEvenForAnAdmin() {
        OrderId unknown = OrderId.of(404);

        assertThatThrownBy(() -> world.app.orderQueries().get(ADMIN, unknown))
                .isInstanceOf(NotFoundException.class).hasMessage("order 404 not found");
        assertThatThrownBy(() -> world.app.orderQueries().history(ADMIN, unknown))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> world.app.orderActions().accept(OWNER, new OrderActionCommand(unknown,
                new Precondition.AnyVersion()))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theCustomerTheOwnerAndAnAdminSeeAnOrderFromPlacement() {
        Order order = world.orderIn(OrderStatus.PENDING_PAYMENT);

        assertVisibleTo(CUSTOMER, order);
        assertVisibleTo(OWNER, order);
        assertVisibleTo(ADMIN, order);
    }

    @Test
    void whoMaySeeAndActIsDecidedFromTheOrderAloneWithoutLookingUpItsRestaurant() {
        Order order = world.orderIn(OrderStatus.PENDING_ACCEPTANCE);
        int before = world.catalog.summaryLookups();

        assertVisibleTo(OWNER, order);
        world.app.orderActions().accept(OWNER, new OrderActionCommand(order.id(), new Precondition.AnyVersion()));

        assertThat(world.catalog.summaryLookups()).isEqualTo(before);
    }

    @Test
    void anotherCustomerAndAnotherRestaurantsOwnerSeeNothing() {
        world.pizzaPlace();
        Order order = world.orderIn(OrderStatus.READY_FOR_PICKUP);

        assertInvisibleTo(OTHER_CUSTOMER, order);
        assertInvisibleTo(OTHER_OWNER, order);
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"PENDING_PAYMENT", "PENDING_ACCEPTANCE", "PREPARING", "CANCELLED"})
    void ridersSeeNothingOfAnOrderBeforeItAwaitsPickup(OrderStatus status) {
        Order order = world.orderIn(status);

        assertInvisibleTo(RIDER, order);
    }

    @Test
    void everyRiderSeesAnOrderAwaitingPickup() {
        Order order = world.orderIn(OrderStatus.READY_FOR_PICKUP);

        assertVisibleTo(RIDER, order);
        assertVisibleTo(OTHER_RIDER, order);
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"IN_TRANSIT", "DELIVERED"})
    void onceCarriedAnOrderIsSeenByItsRiderOnly(OrderStatus status) {
        Order order = world.orderIn(status);

        assertVisibleTo(RIDER, order);
        assertInvisibleTo(OTHER_RIDER, order);
        assertVisibleTo(CUSTOMER, order);
        assertVisibleTo(OWNER, order);
    }

    @ParameterizedTest
    @EnumSource(OrderAction.class)
    void noActionRevealsAnOrderTheCallerMayNotSee(OrderAction action) {
        Order order = world.orderIn(OrderStatus.PENDING_PAYMENT);

        for (Actor stranger : new Actor[] {OTHER_CUSTOMER, OTHER_OWNER, RIDER}) {
            assertThatThrownBy(() -> world.act(stranger, action, order, new Precondition.Missing()))
                    .as("%s by %s", action, stranger).isInstanceOf(NotFoundException.class)
                    .hasMessage("order " + order.id() + " not found");
        }
        assertThat(world.reload(order).version()).isEqualTo(1);
    }

    @Test
    void anOrderStaysInvisibleWhenItsIdIsGuessed() {
        Order order = world.orderIn(OrderStatus.PENDING_PAYMENT);
        OrderId next = OrderId.of(order.id().value() + 1);

        Throwable invisible = catchThrowable(
                () -> world.app.orderQueries().get(OTHER_CUSTOMER, order.id()));
        Throwable missing = catchThrowable(
                () -> world.app.orderQueries().get(OTHER_CUSTOMER, next));
        assertThat(invisible).isExactlyInstanceOf(missing.getClass());
        assertThat(invisible.getMessage().replace(order.id().toString(), "N"))
                .isEqualTo(missing.getMessage().replace(next.toString(), "N"));
    }
}
