package com.quickeats.adapter.persistence;

import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderEvent;
import com.quickeats.order.domain.OrderEvent.OrderAccepted;
import com.quickeats.order.domain.OrderEvent.OrderCancelled;
import com.quickeats.order.domain.OrderEvent.OrderDelivered;
import com.quickeats.order.domain.OrderEvent.OrderPaid;
import com.quickeats.order.domain.OrderEvent.OrderPickedUp;
import com.quickeats.order.domain.OrderEvent.PreparationCompleted;
import com.quickeats.order.domain.OrderStatus;
import java.util.List;

/**
 * An order as it stood after each of the events one write stores. Usually a write stores one event and the
 * order is simply itself; an order placed and taken through several verbs before it is first stored needs its
 * earlier versions rebuilt, by undoing what each later event added (payment, cancellation, rider).
 */
final class OrderAtVersion {
    private OrderAtVersion() {
    }

    /** The order right after {@code events.get(index)}; {@code events} are the order's pending events. */
    static Order after(Order order, List<OrderEvent> events, int index) {
        if (index == events.size() - 1) {
            return order;
        }
        List<OrderEvent> undone = events.subList(index + 1, events.size());
        boolean paymentUndone = undone.stream().anyMatch(OrderPaid.class::isInstance);
        boolean cancellationUndone = undone.stream().anyMatch(OrderCancelled.class::isInstance);
        boolean riderUndone = undone.stream().anyMatch(OrderPickedUp.class::isInstance);
        OrderEvent event = events.get(index);
        return Order.rehydrate(order.id(), order.customerId(), order.restaurantId(), order.lines(),
                order.deliveryAddress(), statusBefore(events.get(index + 1)), event.version(),
                paymentUndone ? null : order.payment().orElse(null),
                cancellationUndone ? null : order.cancellation().orElse(null),
                riderUndone ? null : order.riderId().orElse(null), order.createdAt(), event.occurredAt());
    }

    /**
     * The status {@code event} moved the order out of, {@code null} for a placement. A cancellation leaves
     * {@code pending_acceptance} exactly when a refund is due (the order had been paid), else {@code
     * pending_payment}.
     */
    static OrderStatus statusBefore(OrderEvent event) {
        if (event instanceof OrderCancelled cancelled) {
            return cancelled.cancellation().refundDue() ? OrderStatus.PENDING_ACCEPTANCE : OrderStatus.PENDING_PAYMENT;
        }
        if (event instanceof OrderPaid) {
            return OrderStatus.PENDING_PAYMENT;
        }
        if (event instanceof OrderAccepted) {
            return OrderStatus.PENDING_ACCEPTANCE;
        }
        if (event instanceof PreparationCompleted) {
            return OrderStatus.PREPARING;
        }
        if (event instanceof OrderPickedUp) {
            return OrderStatus.READY_FOR_PICKUP;
        }
        if (event instanceof OrderDelivered) {
            return OrderStatus.IN_TRANSIT;
        }
        return null; // OrderPlaced: the order did not exist before
    }
}
