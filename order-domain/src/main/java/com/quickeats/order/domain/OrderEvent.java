package com.quickeats.order.domain;

import java.time.Instant;

/**
 * Something that happened to an order. Every event carries the version it produced (so an order's
 * events are numbered 1..n without gaps) and who made it happen. The persistence adapter stores
 * them in the same transaction as the order's new state: they are its history and its outbox.
 */
public sealed interface OrderEvent {
    OrderId orderId();

    long version();

    UserId actor();

    Instant occurredAt();

    /** The event's name on the wire and in storage, e.g. {@code order_placed}. */
    String type();

    record OrderPlaced(OrderId orderId, long version, UserId actor, Instant occurredAt,
                       RestaurantId restaurantId, Money total) implements OrderEvent {
        @Override
        public String type() {
            return "order_placed";
        }
    }

    record OrderPaid(OrderId orderId, long version, UserId actor, Instant occurredAt,
                     Payment payment) implements OrderEvent {
        @Override
        public String type() {
            return "order_paid";
        }
    }

    record OrderAccepted(OrderId orderId, long version, UserId actor, Instant occurredAt) implements OrderEvent {
        @Override
        public String type() {
            return "order_accepted";
        }
    }

    record PreparationCompleted(OrderId orderId, long version, UserId actor, Instant occurredAt)
            implements OrderEvent {
        @Override
        public String type() {
            return "preparation_completed";
        }
    }

    record OrderPickedUp(OrderId orderId, long version, UserId actor, Instant occurredAt,
                         UserId riderId) implements OrderEvent {
        @Override
        public String type() {
            return "order_picked_up";
        }
    }

    record OrderDelivered(OrderId orderId, long version, UserId actor, Instant occurredAt) implements OrderEvent {
        @Override
        public String type() {
            return "order_delivered";
        }
    }

    record OrderCancelled(OrderId orderId, long version, UserId actor, Instant occurredAt,
                          Cancellation cancellation) implements OrderEvent {
        @Override
        public String type() {
            return "order_cancelled";
        }
    }
}
