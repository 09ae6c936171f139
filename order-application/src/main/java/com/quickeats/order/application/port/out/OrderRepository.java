package com.quickeats.order.application.port.out;

import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderId;
import com.quickeats.order.domain.UserId;
import java.util.List;
import java.util.Optional;

/** Where orders live, with their history. Every write stores the order's pending events with it. */
public interface OrderRepository {

    /** A fresh identity for an order about to be placed. */
    OrderId nextId();

    /**
     * Stores a newly placed order and its events. {@code creationKey} is the idempotency key of the request
     * that placed it, unique per customer: a second order with the same customer and key is refused.
     *
     * @throws DuplicateOrderException when the customer already placed an order with that key
     */
    void add(Order order, String creationKey);

    Optional<Order> find(OrderId id);

    /** The order that {@code customer} placed with idempotency key {@code creationKey}, if any. */
    Optional<Order> findByCreationKey(UserId customer, String creationKey);

    /**
     * Stores the order's new state and pending events, but only if the stored order is still at the version
     * this copy was loaded at ({@link Order#persistedVersion()}); the check and the write are one atomic step.
     *
     * @throws StaleOrderException when the stored version differs; nothing is written
     */
    void update(Order order);

    /** A page of orders, see {@link OrderPageRequest}; its statement count does not depend on the limit. */
    List<Order> page(OrderPageRequest request);

    /** The order's events, oldest first. */
    List<RecordedEvent> history(OrderId id);
}
