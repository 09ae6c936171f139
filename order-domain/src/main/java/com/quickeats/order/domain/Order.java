package com.quickeats.order.domain;

import com.quickeats.order.domain.OrderEvent.OrderAccepted;
import com.quickeats.order.domain.OrderEvent.OrderCancelled;
import com.quickeats.order.domain.OrderEvent.OrderDelivered;
import com.quickeats.order.domain.OrderEvent.OrderPaid;
import com.quickeats.order.domain.OrderEvent.OrderPickedUp;
import com.quickeats.order.domain.OrderEvent.OrderPlaced;
import com.quickeats.order.domain.OrderEvent.PreparationCompleted;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A customer's order from one restaurant, from placement to delivery or cancellation.
 *
 * <p>Every change goes through a verb ({@link #pay}, {@link #accept}, {@link #completePreparation},
 * {@link #pickUp}, {@link #deliver}, {@link #cancel}) that consults {@link OrderTransitions}, raises the
 * version by exactly one and records an {@link OrderEvent}. A refused verb throws and changes nothing.
 * The version is what optimistic locking compares: whoever stores the order must refuse to overwrite
 * a version other than the one it loaded.
 *
 * <p>Not thread-safe: an instance is one unit of work's copy of the order.
 */
public final class Order {
    public static final int MAX_LINES = 50;
    public static final int MAX_ADDRESS_LENGTH = 500;

    private final OrderId id;
    private final UserId customerId;
    private final RestaurantId restaurantId;
    private final UserId restaurantOwnerId;
    private final List<OrderLine> lines;
    private final Money total;
    private final String deliveryAddress;
    private final Instant createdAt;
    private OrderStatus status;
    private long version;
    private Payment payment;
    private Cancellation cancellation;
    private UserId riderId;
    private Instant updatedAt;
    private final List<OrderEvent> pendingEvents = new ArrayList<>();

    private Order(OrderId id, UserId customerId, RestaurantId restaurantId, UserId restaurantOwnerId,
                  List<OrderLine> lines, String deliveryAddress, OrderStatus status, long version, Payment payment,
                  Cancellation cancellation, UserId riderId, Instant createdAt, Instant updatedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.restaurantId = Objects.requireNonNull(restaurantId, "restaurantId");
        this.restaurantOwnerId = Objects.requireNonNull(restaurantOwnerId, "restaurantOwnerId");
        this.lines = List.copyOf(lines);
        this.total = this.lines.stream().map(OrderLine::lineTotal).reduce(Money.ZERO, Money::plus);
        this.deliveryAddress = Objects.requireNonNull(deliveryAddress, "deliveryAddress");
        this.status = Objects.requireNonNull(status, "status");
        this.version = version;
        this.payment = payment;
        this.cancellation = cancellation;
        this.riderId = riderId;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /**
     * Places a new order at version 1, {@code pending_payment}, pricing every line from the restaurant's
     * current menu and keeping who owns the restaurant: the order decides who may act on it by itself.
     *
     * @throws InvalidInputException when the lines or the address are malformed (all problems at once)
     * @throws BusinessRuleViolationException when an item is not on the menu or is unavailable
     */
    public static Order place(OrderId id, UserId customerId, Restaurant restaurant, List<LineRequest> requested,
                              String deliveryAddress, Instant now) {
        Objects.requireNonNull(restaurant, "restaurant");
        Objects.requireNonNull(now, "now");
        Violations malformed = new Violations();
        checkPlacement(requested, deliveryAddress, malformed);
        malformed.throwIfAny(InvalidInputException::new);

        Violations impossible = new Violations();
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            LineRequest line = requested.get(i);
            Optional<MenuItem> item = restaurant.menuItem(line.menuItemId());
            String field = "items[" + i + "].menu_item_id";
            if (item.isEmpty()) {
                impossible.add(field, "menu item " + line.menuItemId() + " is not on the menu of restaurant "
                        + restaurant.id());
            } else if (!item.get().available()) {
                impossible.add(field, "menu item " + line.menuItemId() + " (" + item.get().name()
                        + ") is not available");
            } else {
                lines.add(new OrderLine(item.get().id(), item.get().name(), item.get().price(), line.quantity()));
            }
        }
        impossible.throwIfAny(BusinessRuleViolationException::new);

        Order order = new Order(id, customerId, restaurant.id(), restaurant.ownerId(), lines, deliveryAddress,
                OrderStatus.PENDING_PAYMENT, 1, null, null, null, now, now);
        order.pendingEvents.add(new OrderPlaced(id, 1, customerId, now, restaurant.id(), order.total));
        return order;
    }

    /**
     * The shape rules of a new order (1-50 lines, quantity 1-99, an address of 1-500 characters), added to
     * {@code violations} so that a command can check them before anything is loaded.
     */
    public static void checkPlacement(List<LineRequest> requested, String deliveryAddress, Violations violations) {
        violations.check(requested != null && !requested.isEmpty() && requested.size() <= MAX_LINES, "items",
                "must have between 1 and " + MAX_LINES + " lines");
        if (requested != null) {
            for (int i = 0; i < requested.size(); i++) {
                LineRequest line = requested.get(i);
                if (line == null) {
                    violations.add("items[" + i + "]", "is required");
                    continue;
                }
                violations.check(line.quantity() >= OrderLine.MIN_QUANTITY && line.quantity() <= OrderLine.MAX_QUANTITY,
                        "items[" + i + "].quantity",
                        "must be between " + OrderLine.MIN_QUANTITY + " and " + OrderLine.MAX_QUANTITY);
            }
        }
        violations.check(deliveryAddress != null && !deliveryAddress.isBlank(), "delivery_address",
                "must not be blank");
        violations.check(deliveryAddress == null || Violations.length(deliveryAddress) <= MAX_ADDRESS_LENGTH,
                "delivery_address", "must have at most " + MAX_ADDRESS_LENGTH + " characters");
    }

    /** An order as it was stored; it has no pending events. */
    public static Order rehydrate(OrderId id, UserId customerId, RestaurantId restaurantId, UserId restaurantOwnerId,
                                  List<OrderLine> lines, String deliveryAddress, OrderStatus status, long version,
                                  Payment payment, Cancellation cancellation, UserId riderId, Instant createdAt,
                                  Instant updatedAt) {
        if (version < 1) {
            throw new IllegalArgumentException("a stored order has version 1 or more, got " + version);
        }
        return new Order(id, customerId, restaurantId, restaurantOwnerId, lines, deliveryAddress, status, version,
                payment, cancellation, riderId, createdAt, updatedAt);
    }

    /**
     * The customer pays the order's total.
     *
     * @throws BusinessRuleViolationException when {@code amount} differs from the total
     */
    public OrderPaid pay(PaymentMethod method, Money amount, UserId actor, Instant now) {
        OrderStatus next = nextStatus(OrderAction.PAYMENT);
        Objects.requireNonNull(method, "method");
        if (!total.equals(amount)) {
            throw BusinessRuleViolationException.of("amount",
                    "must equal the order total of " + total.amount() + " won, got " + amount.amount() + " won");
        }
        Payment taken = new Payment(method, amount, now);
        OrderPaid event = new OrderPaid(id, version + 1, actor, now, taken);
        payment = taken;
        return record(next, event);
    }

    /** The restaurant takes the order and starts cooking; from now on it can no longer be cancelled. */
    public OrderAccepted accept(UserId actor, Instant now) {
        OrderStatus next = nextStatus(OrderAction.ACCEPTANCE);
        return record(next, new OrderAccepted(id, version + 1, actor, now));
    }

    /** The food is ready and waits for a rider. */
    public PreparationCompleted completePreparation(UserId actor, Instant now) {
        OrderStatus next = nextStatus(OrderAction.PREPARATION_COMPLETE);
        return record(next, new PreparationCompleted(id, version + 1, actor, now));
    }

    /** A rider takes the order and becomes the only one who may deliver it. */
    public OrderPickedUp pickUp(UserId rider, Instant now) {
        OrderStatus next = nextStatus(OrderAction.PICKUP);
        Objects.requireNonNull(rider, "rider");
        OrderPickedUp event = new OrderPickedUp(id, version + 1, rider, now, rider);
        riderId = rider;
        return record(next, event);
    }

    /** The rider hands the food over. Terminal. */
    public OrderDelivered deliver(UserId actor, Instant now) {
        OrderStatus next = nextStatus(OrderAction.DELIVERY);
        return record(next, new OrderDelivered(id, version + 1, actor, now));
    }

    /**
     * The customer calls the order off, or the restaurant declines it. A refund is due exactly when the
     * order had been paid. Terminal.
     *
     * @param reason optional, at most 500 characters
     */
    public OrderCancelled cancel(String reason, CancelledBy by, UserId actor, Instant now) {
        OrderStatus next = nextStatus(OrderAction.CANCELLATION);
        Cancellation cancelled = new Cancellation(reason, by, payment != null, now);
        OrderCancelled event = new OrderCancelled(id, version + 1, actor, now, cancelled);
        cancellation = cancelled;
        return record(next, event);
    }

    private OrderStatus nextStatus(OrderAction action) {
        return OrderTransitions.next(status, action)
                .orElseThrow(() -> new InvalidStateTransitionException(status, action));
    }

    private <E extends OrderEvent> E record(OrderStatus next, E event) {
        status = next;
        version = event.version();
        updatedAt = event.occurredAt();
        pendingEvents.add(event);
        return event;
    }

    /** The actions the current status allows, whoever asks. */
    public Set<OrderAction> allowedActions() {
        return OrderTransitions.allowedActions(status);
    }

    /** Events recorded since this instance was placed or loaded, oldest first, not yet stored. */
    public List<OrderEvent> pendingEvents() {
        return List.copyOf(pendingEvents);
    }

    /** The version this instance had when it was loaded (0 for a new order): what a store must compare. */
    public long persistedVersion() {
        return version - pendingEvents.size();
    }

    public OrderId id() {
        return id;
    }

    public UserId customerId() {
        return customerId;
    }

    public RestaurantId restaurantId() {
        return restaurantId;
    }

    /** Who owned the restaurant when the order was placed; a restaurant's owner never changes. */
    public UserId restaurantOwnerId() {
        return restaurantOwnerId;
    }

    public List<OrderLine> lines() {
        return lines;
    }

    public Money total() {
        return total;
    }

    public String currency() {
        return Money.CURRENCY;
    }

    public String deliveryAddress() {
        return deliveryAddress;
    }

    public OrderStatus status() {
        return status;
    }

    public long version() {
        return version;
    }

    public Optional<Payment> payment() {
        return Optional.ofNullable(payment);
    }

    public Optional<Cancellation> cancellation() {
        return Optional.ofNullable(cancellation);
    }

    public Optional<UserId> riderId() {
        return Optional.ofNullable(riderId);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public String toString() {
        return "Order[" + id + " " + status.wireName() + " v" + version + "]";
    }
}
