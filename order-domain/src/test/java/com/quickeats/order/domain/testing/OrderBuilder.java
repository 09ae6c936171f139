package com.quickeats.order.domain.testing;

import static com.quickeats.order.domain.OrderStatus.CANCELLED;

import com.quickeats.order.domain.CancelledBy;
import com.quickeats.order.domain.LineRequest;
import com.quickeats.order.domain.MenuItemId;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderId;
import com.quickeats.order.domain.OrderStatus;
import com.quickeats.order.domain.PaymentMethod;
import com.quickeats.order.domain.Restaurant;
import com.quickeats.order.domain.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a real {@link Order} by placing it and walking it through the real verbs until it reaches the
 * requested status: {@code anOrder().inStatus(PREPARING).build()} is an order that was placed, paid and
 * accepted. Each step happens {@link #STEP} after the previous one, starting at {@link #PLACED_AT}; no
 * clock is read.
 *
 * <p>A {@code cancelled} order is by default cancelled by its customer before paying; see
 * {@link #cancelledAfterPaying()} and {@link #declinedByRestaurant()} for the other two ways.
 */
public final class OrderBuilder {
    public static final Instant PLACED_AT = Instant.parse("2026-11-23T10:00:00Z");
    public static final Duration STEP = Duration.ofMinutes(5);
    public static final UserId CUSTOMER = UserId.of("customer-1");
    public static final UserId RIDER = UserId.of("rider-1");
    public static final String ADDRESS = "서울특별시 강남구 테헤란로 152, 101동 1001호";

    private OrderId id = OrderId.of(15);
    private UserId customer = CUSTOMER;
    private Restaurant restaurant;
    private final List<LineRequest> lines = new ArrayList<>();
    private String address = ADDRESS;
    private Instant placedAt = PLACED_AT;
    private OrderStatus status = OrderStatus.PENDING_PAYMENT;
    private PaymentMethod paymentMethod = PaymentMethod.CARD;
    private UserId rider = RIDER;
    private boolean paidBeforeCancelling = false;
    private CancelledBy cancelledBy = CancelledBy.CUSTOMER;
    private String cancelReason = null;

    private OrderBuilder() {
    }

    /** One fried chicken from the default restaurant, placed by {@code customer-1}, {@code pending_payment}. */
    public static OrderBuilder anOrder() {
        return new OrderBuilder();
    }

    public OrderBuilder withId(long orderId) {
        return withId(OrderId.of(orderId));
    }

    public OrderBuilder withId(OrderId orderId) {
        this.id = orderId;
        return this;
    }

    public OrderBuilder placedBy(String customerId) {
        return placedBy(UserId.of(customerId));
    }

    public OrderBuilder placedBy(UserId customerId) {
        this.customer = customerId;
        return this;
    }

    public OrderBuilder from(Restaurant orderedFrom) {
        this.restaurant = orderedFrom;
        return this;
    }

    /** Adds a line; without any, the order has one fried chicken. */
    public OrderBuilder withLine(MenuItemId item, int quantity) {
        lines.add(new LineRequest(item, quantity));
        return this;
    }

    public OrderBuilder deliveredTo(String deliveryAddress) {
        this.address = deliveryAddress;
        return this;
    }

    public OrderBuilder placedAt(Instant when) {
        this.placedAt = when;
        return this;
    }

    public OrderBuilder inStatus(OrderStatus target) {
        this.status = target;
        return this;
    }

    public OrderBuilder paidWith(PaymentMethod method) {
        this.paymentMethod = method;
        return this;
    }

    /** The rider who picks the order up, for {@code in_transit} and {@code delivered}. */
    public OrderBuilder pickedUpBy(String riderId) {
        this.rider = UserId.of(riderId);
        return this;
    }

    /** Cancelled by the customer while still {@code pending_payment}: no refund due. */
    public OrderBuilder cancelledBeforePaying() {
        return cancelled(false, CancelledBy.CUSTOMER);
    }

    /** Paid, then cancelled by the customer while {@code pending_acceptance}: a refund is due. */
    public OrderBuilder cancelledAfterPaying() {
        return cancelled(true, CancelledBy.CUSTOMER);
    }

    /** Paid, then declined by the restaurant's owner while {@code pending_acceptance}: a refund is due. */
    public OrderBuilder declinedByRestaurant() {
        return cancelled(true, CancelledBy.RESTAURANT);
    }

    /** For {@code inStatus(CANCELLED)}: whether the order was paid before it was called off. */
    public OrderBuilder paidBeforeCancelling(boolean paid) {
        this.paidBeforeCancelling = paid;
        return this;
    }

    public OrderBuilder withCancelReason(String reason) {
        this.cancelReason = reason;
        return this;
    }

    private OrderBuilder cancelled(boolean paidFirst, CancelledBy by) {
        this.status = CANCELLED;
        this.paidBeforeCancelling = paidFirst;
        this.cancelledBy = by;
        return this;
    }

    /** The order as its unit of work left it: every step since placing is still a pending event. */
    public Order build() {
        Restaurant from = restaurant != null ? restaurant : RestaurantBuilder.aRestaurant().build();
        List<LineRequest> requested = lines.isEmpty()
                ? List.of(new LineRequest(RestaurantBuilder.FRIED_CHICKEN, 1)) : List.copyOf(lines);
        Order order = Order.place(id, customer, from, requested, address, placedAt);
        Steps steps = new Steps(order, from.ownerId());
        if (status == CANCELLED) {
            if (cancelledBy == CancelledBy.RESTAURANT && !paidBeforeCancelling) {
                throw new IllegalStateException("a restaurant may only decline an order awaiting acceptance (paid)");
            }
            if (paidBeforeCancelling) {
                steps.pay();
            }
            UserId actor = cancelledBy == CancelledBy.RESTAURANT ? from.ownerId() : customer;
            order.cancel(cancelReason, cancelledBy, actor, steps.next());
        } else {
            steps.walkTo(status);
        }
        if (order.status() != status) {
            throw new IllegalStateException("walked " + order + " but wanted " + status.wireName());
        }
        return order;
    }

    /** The order as a repository would load it after storing {@link #build()}: same state, no pending events. */
    public Order buildAsStored() {
        return asStored(build());
    }

    /** {@code order} as a repository would load it once stored: same state and version, no pending events. */
    public static Order asStored(Order order) {
        return Order.rehydrate(order.id(), order.customerId(), order.restaurantId(), order.restaurantOwnerId(),
                order.lines(), order.deliveryAddress(), order.status(), order.version(), order.payment().orElse(null),
                order.cancellation().orElse(null), order.riderId().orElse(null), order.createdAt(), order.updatedAt());
    }

    /** The happy path, one verb per status, each a {@link #STEP} later than the last. */
    private final class Steps {
        private final Order order;
        private final UserId owner;
        private int taken = 0;

        Steps(Order order, UserId owner) {
            this.order = order;
            this.owner = owner;
        }

        Instant next() {
            taken++;
            return placedAt.plus(STEP.multipliedBy(taken));
        }

        void pay() {
            order.pay(paymentMethod, order.total(), customer, next());
        }

        void walkTo(OrderStatus target) {
            while (order.status() != target) {
                switch (order.status()) {
                    case PENDING_PAYMENT -> pay();
                    case PENDING_ACCEPTANCE -> order.accept(owner, next());
                    case PREPARING -> order.completePreparation(owner, next());
                    case READY_FOR_PICKUP -> order.pickUp(rider, next());
                    case IN_TRANSIT -> order.deliver(rider, next());
                    default -> throw new IllegalStateException("cannot walk " + order + " to " + target.wireName());
                }
            }
        }
    }
}
