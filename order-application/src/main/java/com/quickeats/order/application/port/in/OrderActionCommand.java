package com.quickeats.order.application.port.in;

import com.quickeats.order.domain.OrderId;
import java.util.Objects;

/** An action that needs nothing but the order and its expected version: accept, complete, pick up, deliver. */
public record OrderActionCommand(OrderId orderId, Precondition precondition) {
    public OrderActionCommand {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(precondition, "precondition");
    }
}
