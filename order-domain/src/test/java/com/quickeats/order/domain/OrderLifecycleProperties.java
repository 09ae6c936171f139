package com.quickeats.order.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.quickeats.order.domain.LifecycleScenario.Outcome;
import com.quickeats.order.domain.LifecycleScenario.Trace;
import com.quickeats.order.domain.OrderEvent.OrderAccepted;
import com.quickeats.order.domain.OrderEvent.OrderCancelled;
import com.quickeats.order.domain.OrderEvent.OrderPlaced;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Invariants of an order's life, checked on random action sequences from random starting points (see
 * {@link LifecycleScenario}). Each property also counts how often its situation came up, so that a
 * generator that drifts away from it fails instead of passing vacuously.
 */
class OrderLifecycleProperties {
    private static final Set<OrderStatus> TERMINAL = EnumSet.of(OrderStatus.DELIVERED, OrderStatus.CANCELLED);
    private static final Set<OrderStatus> COOKING_OR_LATER = EnumSet.of(OrderStatus.PREPARING,
            OrderStatus.READY_FOR_PICKUP, OrderStatus.IN_TRANSIT, OrderStatus.DELIVERED);

    @Test
    void everyActionSucceedsExactlyWhenTheSpecAllowsItAndARefusalChangesNothing() {
        forEveryLife(trace -> {
            for (Outcome outcome : trace.outcomes()) {
                Optional<OrderStatus> next = OrderTransitionsTest.specifiedNext(outcome.before().status(),
                        outcome.step().action());
                if (next.isEmpty()) {
                    assertThat(outcome.refusal()).isInstanceOfSatisfying(InvalidStateTransitionException.class,
                            refused -> assertThat(refused.currentStatus()).isEqualTo(outcome.before().status()));
                    assertThat(outcome.after()).isEqualTo(outcome.before());
                } else if (outcome.step().hasBadInput()) {
                    assertThat(outcome.refusal()).isInstanceOfAny(BusinessRuleViolationException.class,
                            InvalidInputException.class);
                    assertThat(outcome.after()).isEqualTo(outcome.before());
                } else {
                    assertThat(outcome.refusal()).isNull();
                    assertThat(outcome.after().status()).isEqualTo(next.get());
                }
            }
        });
    }

    @Test
    void theVersionIsOnePlusTheNumberOfSuccessfulTransitions() {
        forEveryLife(trace -> {
            long succeeded = trace.outcomes().stream().filter(Outcome::succeeded).count();
            long sincePlacing = trace.scenario().start().transitionsSincePlacing + succeeded;
            assertThat(trace.order().version()).isEqualTo(1 + sincePlacing);
            for (Outcome outcome : trace.outcomes()) {
                assertThat(outcome.after().version())
                        .isEqualTo(outcome.before().version() + (outcome.succeeded() ? 1 : 0));
            }
        });
    }

    @Test
    void pendingEventsAreNumberedWithoutGapsFromWhereTheOrderWasLoaded() {
        forEveryLife(trace -> {
            Order order = trace.order();
            long loadedAt = trace.scenario().stored() ? 1 + trace.scenario().start().transitionsSincePlacing : 0;
            assertThat(order.persistedVersion()).isEqualTo(loadedAt);
            assertThat(order.pendingEvents()).extracting(OrderEvent::version)
                    .containsExactlyElementsOf(LongStream.rangeClosed(loadedAt + 1, order.version()).boxed().toList());
            if (!trace.scenario().stored()) {
                assertThat(order.pendingEvents().get(0)).isInstanceOf(OrderPlaced.class);
            }
        });
    }

    @Test
    void aTerminalStatusAbsorbsEveryAction() {
        AtomicInteger seen = new AtomicInteger();
        forEveryLife(trace -> {
            for (Outcome outcome : trace.outcomes()) {
                if (TERMINAL.contains(outcome.before().status())) {
                    seen.incrementAndGet();
                    assertThat(outcome.refusal()).isInstanceOf(InvalidStateTransitionException.class);
                    assertThat(outcome.after()).isEqualTo(outcome.before());
                }
            }
        });
        assertThat(seen).as("actions tried on a terminal order").hasValueGreaterThan(PropertyCheck.TRIES);
    }

    @Test
    void anOrderIsNeverCancelledAfterItStartedPreparing() {
        AtomicInteger seen = new AtomicInteger();
        forEveryLife(trace -> {
            boolean cooking = trace.scenario().start().hadStartedPreparing();
            for (Outcome outcome : trace.outcomes()) {
                if (cooking && outcome.step().action() == OrderAction.CANCELLATION) {
                    seen.incrementAndGet();
                }
                cooking |= COOKING_OR_LATER.contains(outcome.after().status());
                assertThat(cooking && outcome.after().status() == OrderStatus.CANCELLED).isFalse();
            }
            boolean accepted = false;
            for (OrderEvent event : trace.order().pendingEvents()) {
                accepted |= event instanceof OrderAccepted;
                assertThat(accepted && event instanceof OrderCancelled).as("cancelled after acceptance").isFalse();
            }
        });
        assertThat(seen).as("cancellations tried once cooking").hasValueGreaterThan(PropertyCheck.TRIES / 10);
    }

    @Test
    void aRefundIsDueExactlyWhenTheOrderWasPaidBeforeBeingCancelled() {
        AtomicInteger paidCancellations = new AtomicInteger();
        AtomicInteger unpaidCancellations = new AtomicInteger();
        forEveryLife(trace -> {
            boolean paid = trace.scenario().start().paid;
            for (Outcome outcome : trace.outcomes()) {
                if (outcome.succeeded() && outcome.step().action() == OrderAction.CANCELLATION) {
                    (paid ? paidCancellations : unpaidCancellations).incrementAndGet();
                    assertThat(outcome.after().cancellation().orElseThrow().refundDue()).isEqualTo(paid);
                }
                paid |= outcome.succeeded() && outcome.step().action() == OrderAction.PAYMENT;
            }
            trace.order().cancellation().ifPresent(cancellation ->
                    assertThat(cancellation.refundDue()).isEqualTo(trace.order().payment().isPresent()));
        });
        assertThat(paidCancellations).as("cancellations of paid orders").hasValueGreaterThan(PropertyCheck.TRIES / 30);
        assertThat(unpaidCancellations).as("cancellations of unpaid orders")
                .hasValueGreaterThan(PropertyCheck.TRIES / 30);
    }

    @Test
    void aPaymentAlwaysEqualsTheTotalPricedFromTheMenu() {
        AtomicInteger paidOrders = new AtomicInteger();
        forEveryLife(trace -> {
            Money total = Money.won(trace.scenario().expectedTotal());
            assertThat(trace.order().total()).isEqualTo(total);
            for (Outcome outcome : trace.outcomes()) {
                outcome.after().payment().ifPresent(payment -> assertThat(payment.amount()).isEqualTo(total));
            }
            trace.order().payment().ifPresent(payment -> {
                paidOrders.incrementAndGet();
                assertThat(payment.amount()).isEqualTo(total);
            });
        });
        assertThat(paidOrders).hasValueGreaterThan(PropertyCheck.TRIES / 2);
    }

    private static void forEveryLife(Consumer<Trace> property) {
        PropertyCheck.forAll(LifecycleScenario::random, LifecycleScenario::shrink)
                .check(scenario -> property.accept(scenario.run()));
    }
}
