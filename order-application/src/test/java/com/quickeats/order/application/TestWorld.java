package com.quickeats.order.application;

import com.quickeats.order.application.inmemory.InMemoryIdempotencyStore;
import com.quickeats.order.application.inmemory.InMemoryOrderRepository;
import com.quickeats.order.application.inmemory.InMemoryRestaurantCatalog;
import com.quickeats.order.application.inmemory.InMemoryTransactions;
import com.quickeats.order.application.inmemory.MutableClock;
import com.quickeats.order.application.port.in.AddMenuItemCommand;
import com.quickeats.order.application.port.in.CancelOrderCommand;
import com.quickeats.order.application.port.in.ListOrdersQuery;
import com.quickeats.order.application.port.in.OrderActionCommand;
import com.quickeats.order.application.port.in.PayOrderCommand;
import com.quickeats.order.application.port.in.PlaceOrderCommand;
import com.quickeats.order.application.port.in.Precondition;
import com.quickeats.order.application.port.in.RegisterRestaurantCommand;
import com.quickeats.order.domain.Actor;
import com.quickeats.order.domain.LineRequest;
import com.quickeats.order.domain.MenuItem;
import com.quickeats.order.domain.MenuItemId;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderAction;
import com.quickeats.order.domain.OrderStatus;
import com.quickeats.order.domain.PaymentMethod;
import com.quickeats.order.domain.Restaurant;
import com.quickeats.order.domain.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real use cases wired to fresh in-memory adapters, the people who use them, and short ways to set up
 * restaurants and orders through those same use cases. Every step moves the clock on by a minute, so orders
 * placed one after the other are newest-last.
 */
final class TestWorld {
    static final Instant START = Instant.parse("2026-11-23T10:00:00Z");
    static final Duration STEP = Duration.ofMinutes(1);
    static final Duration TTL = Duration.ofHours(24);
    static final String ADDRESS = "서울특별시 강남구 테헤란로 152";

    static final Actor ADMIN = Actor.of("admin-1", Role.ADMIN);
    static final Actor CUSTOMER = Actor.of("customer-1", Role.CUSTOMER);
    static final Actor OTHER_CUSTOMER = Actor.of("customer-2", Role.CUSTOMER);
    static final Actor OWNER = Actor.of("owner-1", Role.RESTAURANT_OWNER);
    static final Actor OTHER_OWNER = Actor.of("owner-2", Role.RESTAURANT_OWNER);
    static final Actor RIDER = Actor.of("rider-1", Role.RIDER);
    static final Actor OTHER_RIDER = Actor.of("rider-2", Role.RIDER);

    final MutableClock clock = new MutableClock(START);
    final InMemoryTransactions transactions = new InMemoryTransactions();
    final InMemoryRestaurantCatalog catalog = new InMemoryRestaurantCatalog(transactions);
    final InMemoryOrderRepository orders = new InMemoryOrderRepository(transactions);
    final InMemoryIdempotencyStore idempotencyStore = new InMemoryIdempotencyStore(transactions);
    final UseCases app = UseCases.wire(orders, catalog, idempotencyStore, transactions, clock, TTL);
    private final AtomicInteger keys = new AtomicInteger();

    /** The admin registers {@code name} for {@code owner}, who puts each "name:price" item on its menu. */
    Restaurant restaurant(String name, Actor owner, String... items) {
        Restaurant restaurant = app.restaurants().register(ADMIN, new RegisterRestaurantCommand(name,
                owner.id().value()));
        for (String item : items) {
            String[] parts = item.split(":");
            restaurant = app.restaurants().addMenuItem(owner, new AddMenuItemCommand(restaurant.id(), parts[0],
                    Long.parseLong(parts[1])));
        }
        return restaurant;
    }

    /** 치킨집 of owner-1. */
    Restaurant chickenPlace() {
        return restaurant("치킨집", OWNER, "후라이드치킨:18000", "양념치킨:19000", "콜라:2000");
    }

    /** 피자집 of owner-2. */
    Restaurant pizzaPlace() {
        return restaurant("피자집", OTHER_OWNER, "페퍼로니피자:21000");
    }

    static MenuItemId item(Restaurant restaurant, String name) {
        return restaurant.menu().stream().filter(i -> i.name().equals(name)).map(MenuItem::id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " is not on the menu of " + restaurant));
    }

    static Actor ownerOf(Restaurant restaurant) {
        return new Actor(restaurant.ownerId(), Role.RESTAURANT_OWNER);
    }

    String newKey() {
        return "key-" + keys.incrementAndGet();
    }

    /** One of the restaurant's first menu item, under a fresh creation key. */
    PlaceOrderCommand oneOfTheFirstItem(Restaurant restaurant) {
        return new PlaceOrderCommand(Optional.of(restaurant.id()), Optional.empty(),
                List.of(new LineRequest(restaurant.menu().get(0).id(), 1)), ADDRESS, newKey());
    }

    Order place(Actor customer, Restaurant restaurant) {
        clock.advance(STEP);
        return app.placeOrder().place(customer, oneOfTheFirstItem(restaurant)).order();
    }

    /** Places an order and walks it through the real use cases (rider-1 carries it) to {@code status}. */
    Order orderIn(OrderStatus status, Actor customer, Restaurant restaurant) {
        return walk(place(customer, restaurant), status, ownerOf(restaurant));
    }

    Order orderIn(OrderStatus status) {
        return orderIn(status, CUSTOMER, chickenPlace());
    }

    /** The happy path one step at a time; {@code cancelled} is the customer calling it off before paying. */
    Order walk(Order order, OrderStatus target, Actor owner) {
        while (order.status() != target) {
            clock.advance(STEP);
            OrderActionCommand action = on(order);
            order = switch (order.status()) {
                case PENDING_PAYMENT -> target == OrderStatus.CANCELLED
                        ? app.orderActions().cancel(customerOf(order), new CancelOrderCommand(order.id(), null,
                                at(order)))
                        : app.orderActions().pay(customerOf(order), payment(order));
                case PENDING_ACCEPTANCE -> app.orderActions().accept(owner, action);
                case PREPARING -> app.orderActions().completePreparation(owner, action);
                case READY_FOR_PICKUP -> app.orderActions().pickUp(RIDER, action);
                case IN_TRANSIT -> app.orderActions().deliver(RIDER, action);
                default -> throw new IllegalStateException("cannot walk " + order + " to " + target);
            };
        }
        return order;
    }

    /** {@code actor} takes {@code action} on {@code order} under {@code precondition}, paying the full total. */
    Order act(Actor actor, OrderAction action, Order order, Precondition precondition) {
        OrderActions actions = app.orderActions();
        OrderActionCommand command = new OrderActionCommand(order.id(), precondition);
        return switch (action) {
            case PAYMENT -> actions.pay(actor, new PayOrderCommand(order.id(), PaymentMethod.CARD, order.total(),
                    precondition));
            case ACCEPTANCE -> actions.accept(actor, command);
            case PREPARATION_COMPLETE -> actions.completePreparation(actor, command);
            case PICKUP -> actions.pickUp(actor, command);
            case DELIVERY -> actions.deliver(actor, command);
            case CANCELLATION -> actions.cancel(actor, new CancelOrderCommand(order.id(), null, precondition));
        };
    }

    Order act(Actor actor, OrderAction action, Order order) {
        return act(actor, action, order, at(order));
    }

    /**
     * Makes {@code concurrentWork} happen, in its own unit of work on another thread, between the next write's
     * read and its write: the next use case to store an order then finds it changed under its feet.
     */
    void meanwhile(Runnable concurrentWork) {
        orders.beforeNextWrite(() -> CompletableFuture.runAsync(concurrentWork).join());
    }

    /** The order as it is stored now. */
    Order reload(Order order) {
        return app.orderQueries().get(ADMIN, order.id());
    }

    /** Every order the actor's list shows (up to 100), newest first. */
    List<Order> listed(Actor actor) {
        return app.orderQueries().list(actor, new ListOrdersQuery(Optional.empty(), Optional.empty(),
                ListOrdersQuery.MAX_LIMIT, Optional.empty())).orders();
    }

    static Actor customerOf(Order order) {
        return new Actor(order.customerId(), Role.CUSTOMER);
    }

    static Precondition at(Order order) {
        return Precondition.version(order.version());
    }

    static OrderActionCommand on(Order order) {
        return new OrderActionCommand(order.id(), at(order));
    }

    static PayOrderCommand payment(Order order) {
        return new PayOrderCommand(order.id(), PaymentMethod.CARD, order.total(), at(order));
    }

    static List<Long> ids(List<Order> orders) {
        return orders.stream().map(o -> o.id().value()).toList();
    }
}
