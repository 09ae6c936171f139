package com.quickeats.order.application;

import com.quickeats.order.application.port.in.CancelOrderCommand;
import com.quickeats.order.application.port.in.OrderActionCommand;
import com.quickeats.order.application.port.in.PayOrderCommand;
import com.quickeats.order.domain.AccessPolicy;
import com.quickeats.order.domain.Actor;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderAction;

/**
 * The six actions that move an order through its life, one use case each. Every one checks, in this
 * order: visibility (404), permission (403), the precondition (428, 412), the state machine (409) and the
 * domain's rules (422); then writes the new state only if nobody changed the order meanwhile.
 */
public final class OrderActions {
    private final OrderActionRunner runner;

    OrderActions(OrderActionRunner runner) {
        this.runner = runner;
    }

    /** The order's customer pays its total; any other amount is refused. */
    public Order pay(Actor actor, PayOrderCommand command) {
        return runner.run(actor, command.orderId(), OrderAction.PAYMENT, command.precondition(),
                (order, now) -> order.pay(command.method(), command.amount(), actor.id(), now));
    }

    /** The restaurant's owner accepts the order and starts preparing it. */
    public Order accept(Actor actor, OrderActionCommand command) {
        return runner.run(actor, command.orderId(), OrderAction.ACCEPTANCE, command.precondition(),
                (order, now) -> order.accept(actor.id(), now));
    }

    /** The restaurant's owner marks the food ready for pickup. */
    public Order completePreparation(Actor actor, OrderActionCommand command) {
        return runner.run(actor, command.orderId(), OrderAction.PREPARATION_COMPLETE, command.precondition(),
                (order, now) -> order.completePreparation(actor.id(), now));
    }

    /** A rider picks the order up and becomes its rider. */
    public Order pickUp(Actor actor, OrderActionCommand command) {
        return runner.run(actor, command.orderId(), OrderAction.PICKUP, command.precondition(),
                (order, now) -> order.pickUp(actor.id(), now));
    }

    /** The order's rider hands it over. */
    public Order deliver(Actor actor, OrderActionCommand command) {
        return runner.run(actor, command.orderId(), OrderAction.DELIVERY, command.precondition(),
                (order, now) -> order.deliver(actor.id(), now));
    }

    /** The customer calls the order off, or the restaurant declines it; never once it is being prepared. */
    public Order cancel(Actor actor, CancelOrderCommand command) {
        return runner.run(actor, command.orderId(), OrderAction.CANCELLATION, command.precondition(),
                (order, now) -> order.cancel(command.reason(), AccessPolicy.cancellingParty(actor), actor.id(),
                        now));
    }
}
