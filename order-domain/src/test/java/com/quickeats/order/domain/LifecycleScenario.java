package com.quickeats.order.domain;

import static com.quickeats.order.domain.testing.OrderBuilder.anOrder;

import com.quickeats.order.domain.testing.OrderBuilder;
import com.quickeats.order.domain.testing.RestaurantBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A random life for an order: a starting point reached by the real verbs, possibly stored and loaded
 * again, then a random sequence of actions, some with bad input (a wrong payment amount, an over-long
 * cancellation reason).
 */
record LifecycleScenario(Start start, List<LineRequest> lines, boolean stored, List<Step> steps) {

    /** Where a scenario starts, with how many verbs it took from placing, and whether it was paid by then. */
    enum Start {
        PENDING_PAYMENT(0, false), PENDING_ACCEPTANCE(1, true), PREPARING(2, true), READY_FOR_PICKUP(3, true),
        IN_TRANSIT(4, true), DELIVERED(5, true),
        CANCELLED_BEFORE_PAYING(1, false), CANCELLED_AFTER_PAYING(2, true), DECLINED_BY_RESTAURANT(2, true);

        final int transitionsSincePlacing;
        final boolean paid;

        Start(int transitionsSincePlacing, boolean paid) {
            this.transitionsSincePlacing = transitionsSincePlacing;
            this.paid = paid;
        }

        OrderBuilder builder() {
            return switch (this) {
                case CANCELLED_BEFORE_PAYING -> anOrder().cancelledBeforePaying();
                case CANCELLED_AFTER_PAYING -> anOrder().cancelledAfterPaying();
                case DECLINED_BY_RESTAURANT -> anOrder().declinedByRestaurant();
                default -> anOrder().inStatus(OrderStatus.valueOf(name()));
            };
        }

        boolean hadStartedPreparing() {
            return this == PREPARING || this == READY_FOR_PICKUP || this == IN_TRANSIT || this == DELIVERED;
        }
    }

    /** One attempt; {@code wrongBy} is how far a payment misses the total, {@code longReason} a 501-char reason. */
    record Step(OrderAction action, long wrongBy, boolean longReason, CancelledBy by) {
        boolean hasBadInput() {
            return (action == OrderAction.PAYMENT && wrongBy != 0)
                    || (action == OrderAction.CANCELLATION && longReason);
        }

        @Override
        public String toString() {
            String who = action == OrderAction.CANCELLATION ? " by " + by.wireName() : "";
            return action.wireName() + who + (hasBadInput() ? " (bad input)" : "");
        }
    }

    /** What one step did: the order before and after, and the refusal if there was one. */
    record Outcome(Step step, OrderSnapshot before, OrderSnapshot after, DomainException refusal) {
        boolean succeeded() {
            return refusal == null;
        }
    }

    record Trace(LifecycleScenario scenario, long startVersion, List<Outcome> outcomes, Order order) {
    }

    /** The menu's prices, written out so that a total can be checked without asking the order. */
    static final Map<MenuItemId, Long> PRICES = Map.of(
            RestaurantBuilder.FRIED_CHICKEN, 18_000L,
            RestaurantBuilder.SEASONED_CHICKEN, 19_000L,
            RestaurantBuilder.COLA, 2_000L);

    /** Every starting point, the two awaiting ones more often: most of an order's choices happen there. */
    private static final List<Start> STARTS = Stream.concat(Stream.of(Start.values()),
            Stream.of(Start.PENDING_PAYMENT, Start.PENDING_PAYMENT, Start.PENDING_ACCEPTANCE)).toList();

    static LifecycleScenario random(Random random) {
        Start start = STARTS.get(random.nextInt(STARTS.size()));
        List<MenuItemId> items = List.of(RestaurantBuilder.FRIED_CHICKEN, RestaurantBuilder.SEASONED_CHICKEN,
                RestaurantBuilder.COLA);
        List<LineRequest> lines = IntStream.range(0, 1 + random.nextInt(4))
                .mapToObj(i -> new LineRequest(items.get(random.nextInt(items.size())), 1 + random.nextInt(99)))
                .toList();
        List<Step> steps = IntStream.range(0, random.nextInt(13)).mapToObj(i -> randomStep(random)).toList();
        return new LifecycleScenario(start, lines, random.nextBoolean(), steps);
    }

    private static Step randomStep(Random random) {
        OrderAction action = OrderAction.values()[random.nextInt(OrderAction.values().length)];
        long wrongBy = random.nextInt(5) == 0 ? (random.nextBoolean() ? 1 : -1) * (1 + random.nextInt(50_000)) : 0;
        CancelledBy by = random.nextBoolean() ? CancelledBy.CUSTOMER : CancelledBy.RESTAURANT;
        return new Step(action, wrongBy, random.nextInt(6) == 0, by);
    }

    /** Smaller scenarios: one step fewer, or only the first line. */
    Stream<LifecycleScenario> shrink() {
        Stream<LifecycleScenario> fewerSteps = IntStream.range(0, steps.size()).mapToObj(i -> {
            List<Step> shorter = new ArrayList<>(steps);
            shorter.remove(i);
            return new LifecycleScenario(start, lines, stored, shorter);
        });
        Stream<LifecycleScenario> fewerLines = lines.size() > 1
                ? Stream.of(new LifecycleScenario(start, lines.subList(0, 1), stored, steps)) : Stream.empty();
        return Stream.concat(fewerSteps, fewerLines);
    }

    long expectedTotal() {
        return lines.stream().mapToLong(line -> PRICES.get(line.menuItemId()) * line.quantity()).sum();
    }

    Trace run() {
        OrderBuilder builder = start.builder();
        lines.forEach(line -> builder.withLine(line.menuItemId(), line.quantity()));
        Order order = stored ? builder.buildAsStored() : builder.build();
        long startVersion = order.version();
        Instant at = order.updatedAt();
        List<Outcome> outcomes = new ArrayList<>();
        for (Step step : steps) {
            at = at.plus(Duration.ofMinutes(1));
            OrderSnapshot before = OrderSnapshot.of(order);
            DomainException refusal = null;
            try {
                take(order, step, at);
            } catch (DomainException refused) {
                refusal = refused;
            }
            outcomes.add(new Outcome(step, before, OrderSnapshot.of(order), refusal));
        }
        return new Trace(this, startVersion, outcomes, order);
    }

    private static void take(Order order, Step step, Instant at) {
        switch (step.action()) {
            case PAYMENT -> order.pay(PaymentMethod.POINT,
                    Money.won(Math.max(0, order.total().amount() + step.wrongBy())), order.customerId(), at);
            case CANCELLATION -> order.cancel(step.longReason() ? "x".repeat(501) : "no longer hungry", step.by(),
                    step.by() == CancelledBy.RESTAURANT ? RestaurantBuilder.OWNER : order.customerId(), at);
            default -> Actions.take(order, step.action(), at);
        }
    }
}
