package com.quickeats.adapter.http.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.quickeats.adapter.http.json.FieldCheck;
import com.quickeats.adapter.http.json.JsonFields;
import com.quickeats.order.application.port.in.PayOrderCommand;
import com.quickeats.order.application.port.in.Precondition;
import com.quickeats.order.domain.Money;
import com.quickeats.order.domain.OrderId;
import com.quickeats.order.domain.PaymentMethod;
import java.util.Arrays;
import java.util.List;

/** {@code {"payment_method": "card", "amount": 18000}} into a {@link PayOrderCommand}. */
final class PayOrderRequest {
    private static final List<String> METHODS = Arrays.stream(PaymentMethod.values())
            .map(PaymentMethod::wireName).toList();

    private PayOrderRequest() {
    }

    static PayOrderCommand command(JsonNode body, OrderId orderId, Precondition precondition) {
        FieldCheck check = new FieldCheck();
        JsonFields fields = JsonFields.of(body, check);
        PaymentMethod method = fields.choice("payment_method", PaymentMethod::fromWireName, METHODS);
        Long amount = fields.integer("amount");
        fields.require("payment_method");
        fields.require("amount");
        if (amount != null && amount < 0) {
            check.add("amount", "must be a non-negative amount of won");
        }
        return check.build(() -> new PayOrderCommand(orderId, method, Money.won(amount), precondition));
    }
}
