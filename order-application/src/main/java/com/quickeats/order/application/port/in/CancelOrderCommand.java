package com.quickeats.order.application.port.in;

import com.quickeats.order.domain.Cancellation;
import com.quickeats.order.domain.InvalidInputException;
import com.quickeats.order.domain.OrderId;
import com.quickeats.order.domain.Violations;
import java.util.Objects;

/** Call an order off (customer) or decline it (restaurant), with an optional reason of at most 500 characters. */
public record CancelOrderCommand(OrderId orderId, String reason, Precondition precondition) {
    public CancelOrderCommand {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(precondition, "precondition");
        if (reason != null && Violations.length(reason) > Cancellation.MAX_REASON_LENGTH) {
            throw InvalidInputException.of("reason",
                    "must have at most " + Cancellation.MAX_REASON_LENGTH + " characters");
        }
    }
}
