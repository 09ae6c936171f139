package com.quickeats.adapter.http.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.quickeats.adapter.http.json.FieldCheck;
import com.quickeats.adapter.http.json.JsonFields;
import com.quickeats.order.application.port.in.CancelOrderCommand;
import com.quickeats.order.application.port.in.Precondition;
import com.quickeats.order.domain.OrderId;
import java.util.Optional;

/** An optional {@code {"reason": "..."}} into a {@link CancelOrderCommand}. */
final class CancelOrderRequest {
    private CancelOrderRequest() {
    }

    static CancelOrderCommand command(Optional<JsonNode> body, OrderId orderId, Precondition precondition) {
        FieldCheck check = new FieldCheck();
        JsonFields fields = body.isPresent() ? JsonFields.of(body.get(), check) : JsonFields.empty(check);
        String reason = fields.text("reason");
        return check.build(() -> new CancelOrderCommand(orderId, reason, precondition));
    }
}
