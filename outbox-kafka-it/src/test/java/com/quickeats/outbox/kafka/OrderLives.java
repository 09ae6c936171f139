package com.quickeats.outbox.kafka;

import com.quickeats.order.application.PreconditionFailedException;
import com.quickeats.order.application.UseCases;
import com.quickeats.order.application.port.in.AddMenuItemCommand;
import com.quickeats.order.application.port.in.CancelOrderCommand;
import com.quickeats.order.application.port.in.OrderActionCommand;
import com.quickeats.order.application.port.in.PayOrderCommand;
import com.quickeats.order.application.port.in.PlaceOrderCommand;
import com.quickeats.order.application.port.in.Precondition;
import com.quickeats.order.application.port.in.RegisterRestaurantCommand;
import com.quickeats.order.application.port.out.TransactionRunner;
import com.quickeats.order.domain.Actor;
import com.quickeats.order.domain.InvalidStateTransitionException;
import com.quickeats.order.domain.LineRequest;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderStatus;
import com.quickeats.order.domain.PaymentMethod;
import com.quickeats.order.domain.Restaurant;
import com.quickeats.order.domain.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Orders lived through the real use cases, the way customers, owners and riders use them: most are paid,
 * cooked, carried and delivered; some are cancelled by the customer or the restaurant; some actions are refused
 * (409) or rolled back by an enclosing unit of work that fails; on some orders the customer and the owner act at
 * the same moment on the same version and only one of them wins.
 */
final class OrderLives {
    private static final Actor ADMIN = Actor.of("admin-1", Role.ADMIN);
    private static final Actor RIDER = Actor.of("rider-1", Role.RIDER);

    private final UseCases app;
    private final TransactionRunner transactions;
    private final List<Restaurant> restaurants;
    private final Map<Long, Long> finalVersions = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger rolledBack = new AtomicInteger();
    private final AtomicInteger lostRaces = new AtomicInteger();
    private final AtomicInteger cancelled = new AtomicInteger();
    private final AtomicInteger delivered = new AtomicInteger();

    OrderLives(UseCases app, TransactionRunner transactions) {
        this.app = app;
        this.transactions = transactions;
        this.restaurants = List.of(openRestaurant("치킨집", "owner-1"), openRestaurant("피자집", "owner-2"),
                openRestaurant("분식집", "owner-3"));
    }

    /** Lives order number {@code n} (any number; its remainder picks the life) to its end. */
    void live(int n) {
        Restaurant restaurant = restaurants.get(n % restaurants.size());
        Actor customer = Actor.of("customer-" + (n % 20), Role.CUSTOMER);
        Actor owner = Actor.of(restaurant.ownerId().value(), Role.RESTAURANT_OWNER);
        Order order = app.placeOrder().place(customer, new PlaceOrderCommand(Optional.of(restaurant.id()),
                Optional.empty(), List.of(new LineRequest(restaurant.menu().get(n % 2).id(), 1 + n % 3)),
                "서울시 중구 세종대로 " + n, "order-" + n + "-" + System.nanoTime())).order();
        switch (n % 10) {
            case 0 -> order = cancel(customer, order);
            case 1 -> order = cancel(owner, pay(customer, order));
            case 2 -> order = rolledBack(order, o -> pay(customer, o));
            case 3 -> order = race(customer, owner, pay(customer, order));
            default -> order = pay(customer, order);
        }
        if (order.status() == OrderStatus.PENDING_ACCEPTANCE) {
            order = n % 10 == 4 ? rolledBack(order, o -> accept(owner, o)) : accept(owner, order);
        }
        if (order.status() == OrderStatus.PREPARING) {
            refuseCancellation(customer, order);
            order = deliver(owner, order);
        }
        if (order.status() == OrderStatus.CANCELLED) {
            cancelled.incrementAndGet();
        } else {
            delivered.incrementAndGet();
        }
        finalVersions.put(order.id().value(), order.version());
    }

    /** Every order lived so far, by id, with the version it ended at. */
    Map<Long, Long> finalVersions() {
        return Map.copyOf(finalVersions);
    }

    Summary summary() {
        return new Summary(finalVersions.size(), delivered.get(), cancelled.get(), refused.get(), rolledBack.get(),
                lostRaces.get());
    }

    private Order pay(Actor customer, Order order) {
        return app.orderActions().pay(customer, new PayOrderCommand(order.id(), PaymentMethod.CARD, order.total(),
                at(order)));
    }

    private Order accept(Actor owner, Order order) {
        return app.orderActions().accept(owner, new OrderActionCommand(order.id(), at(order)));
    }

    private Order cancel(Actor who, Order order) {
        return app.orderActions().cancel(who, new CancelOrderCommand(order.id(), "마음이 바뀌었어요", at(order)));
    }

    private Order deliver(Actor owner, Order order) {
        Order ready = app.orderActions().completePreparation(owner, new OrderActionCommand(order.id(), at(order)));
        Order carried = app.orderActions().pickUp(RIDER, new OrderActionCommand(ready.id(), at(ready)));
        return app.orderActions().deliver(RIDER, new OrderActionCommand(carried.id(), at(carried)));
    }

    /** The kitchen has started: the customer's cancellation is refused (409) and changes nothing. */
    private void refuseCancellation(Actor customer, Order preparing) {
        try {
            cancel(customer, preparing);
            throw new AssertionError("cancelling preparing order " + preparing.id() + " was not refused");
        } catch (InvalidStateTransitionException expected) {
            refused.incrementAndGet();
        }
    }

    /** The action runs inside a unit of work that then fails: nothing of it may stay, nor reach Kafka. Then it is retried. */
    private Order rolledBack(Order order, UnaryOperator<Order> action) {
        try {
            transactions.inTransaction(() -> {
                action.apply(order);
                throw new UnitOfWorkFailed();
            });
        } catch (UnitOfWorkFailed expected) {
            rolledBack.incrementAndGet();
        }
        return action.apply(order);
    }

    /** The customer cancels while the owner accepts, both on the same version: one wins, the other's write is refused. */
    private Order race(Actor customer, Actor owner, Order paid) {
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Void> cancelling = CompletableFuture.runAsync(() -> {
            awaitQuietly(start);
            attempt(() -> cancel(customer, paid));
        }, task -> new Thread(task, "race-cancel-" + paid.id()).start());
        start.countDown();
        attempt(() -> accept(owner, paid));
        cancelling.join();
        return app.orderQueries().get(owner, paid.id());
    }

    private void attempt(Runnable action) {
        try {
            action.run();
        } catch (PreconditionFailedException | InvalidStateTransitionException lost) {
            lostRaces.incrementAndGet();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Precondition at(Order order) {
        return Precondition.version(order.version());
    }

    private Restaurant openRestaurant(String name, String ownerId) {
        Restaurant restaurant = app.restaurants().register(ADMIN, new RegisterRestaurantCommand(name, ownerId));
        Actor owner = Actor.of(ownerId, Role.RESTAURANT_OWNER);
        restaurant = app.restaurants().addMenuItem(owner, new AddMenuItemCommand(restaurant.id(), name + " 세트", 18_000));
        return app.restaurants().addMenuItem(owner, new AddMenuItemCommand(restaurant.id(), "콜라", 2_000));
    }

    /** Thrown to make an enclosing unit of work fail after the action succeeded inside it. */
    private static final class UnitOfWorkFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnitOfWorkFailed() {
            super("the enclosing unit of work failed", null, false, false);
        }
    }

    /** How the orders' lives went. */
    record Summary(int orders, int delivered, int cancelled, int refused, int rolledBack, int lostRaces) {
    }
}
