package com.quickeats.order.application.port.in;

import com.quickeats.order.domain.Money;
import com.quickeats.order.domain.OrderId;
import com.quickeats.order.domain.PaymentMethod;
import java.util.Objects;

/** Pay an order's total with a method. */
public record PayOrderCommand(OrderId orderId, PaymentMethod method, Money amount, Precondition precondition) {
    public PayOrderCommand {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(precondition, "precondition");
    }
}
