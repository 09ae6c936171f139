package com.quickeats.order.application;

import com.quickeats.order.application.port.in.Precondition;
import com.quickeats.order.application.port.out.OrderRepository;
import com.quickeats.order.application.port.out.StaleOrderException;
import com.quickeats.order.application.port.out.TransactionRunner;
import com.quickeats.order.domain.AccessPolicy;
import com.quickeats.order.domain.Actor;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderAction;
import com.quickeats.order.domain.OrderId;
import java.time.Clock;
import java.time.Instant;

/**
 * The one path every order action takes, in the contract's order of checks: not visible → not found;
 * not permitted → forbidden; no precondition → required; precondition not met → failed; then the
 * domain verb (which may refuse), then a version-checked write. A write that loses a race is a failed
 * precondition, unless the caller's precondition also matches the new version (e.g. {@code If-Match: *}):
 * then the action re-runs on the fresh state.
 */
final class OrderActionRunner {
    /**
     * How often an action whose precondition still matches a concurrently changed order (e.g. {@code *})
     * re-runs on the fresh state before giving up.
     */
    private static final int MAX_ATTEMPTS = 5;

    private final OrderRepository orders;
    private final OrderAccess access;
    private final TransactionRunner transactions;
    private final Clock clock;

    OrderActionRunner(OrderRepository orders, OrderAccess access, TransactionRunner transactions, Clock clock) {
        this.orders = orders;
        this.access = access;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What an action does to a visible, permitted order whose version matched. */
    @FunctionalInterface
    interface Verb {
        void apply(Order order, Instant now);
    }

    Order run(Actor actor, OrderId id, OrderAction action, Precondition precondition, Verb verb) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.inTransaction(() -> runOnce(actor, id, action, precondition, verb));
            } catch (StaleOrderException lostRace) {
                long current = transactions.inTransaction(() -> orders.find(id)
                        .orElseThrow(() -> OrderAccess.notFound(id)).version());
                if (!precondition.matches(current) || attempt >= MAX_ATTEMPTS) {
                    throw new PreconditionFailedException(id, current);
                }
            }
        }
    }

    private Order runOnce(Actor actor, OrderId id, OrderAction action, Precondition precondition, Verb verb) {
        Order order = access.load(actor, id);
        AccessPolicy.checkMayTake(actor, action, order);
        if (precondition instanceof Precondition.Missing) {
            throw new PreconditionRequiredException(id);
        }
        if (!precondition.matches(order.version())) {
            throw new PreconditionFailedException(id, order.version());
        }
        verb.apply(order, Now.of(clock));
        orders.update(order);
        return order;
    }
}
