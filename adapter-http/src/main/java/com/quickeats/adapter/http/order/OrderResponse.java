package com.quickeats.adapter.http.order;

import com.quickeats.adapter.http.web.Timestamps;
import com.quickeats.order.domain.Cancellation;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderAction;
import com.quickeats.order.domain.OrderLine;
import com.quickeats.order.domain.Payment;
import com.quickeats.order.domain.UserId;
import java.util.List;

/** An order on the wire (contract §4); Jackson writes the components in snake_case. */
public record OrderResponse(long id, String status, long version, long restaurantId, String customerId,
                            String riderId, List<Line> items, long totalAmount, String currency,
                            String deliveryAddress, PaymentView payment, CancellationView cancellation,
                            List<String> allowedActions, String createdAt, String updatedAt) {

    public record Line(long menuItemId, String name, long unitPrice, int quantity, long lineTotal) {
        static Line of(OrderLine line) {
            return new Line(line.menuItemId().value(), line.name(), line.unitPrice().amount(), line.quantity(),
                    line.lineTotal().amount());
        }
    }

    public record PaymentView(String method, long amount, String paidAt) {
        static PaymentView of(Payment payment) {
            return new PaymentView(payment.method().wireName(), payment.amount().amount(),
                    Timestamps.format(payment.paidAt()));
        }
    }

    public record CancellationView(String reason, String cancelledBy, boolean refundDue, String cancelledAt) {
        static CancellationView of(Cancellation cancellation) {
            return new CancellationView(cancellation.reason(), cancellation.cancelledBy().wireName(),
                    cancellation.refundDue(), Timestamps.format(cancellation.cancelledAt()));
        }
    }

    public static OrderResponse of(Order order) {
        return new OrderResponse(order.id().value(), order.status().wireName(), order.version(),
                order.restaurantId().value(), order.customerId().value(),
                order.riderId().map(UserId::value).orElse(null),
                order.lines().stream().map(Line::of).toList(),
                order.total().amount(), order.currency(), order.deliveryAddress(),
                order.payment().map(PaymentView::of).orElse(null),
                order.cancellation().map(CancellationView::of).orElse(null),
                order.allowedActions().stream().map(OrderAction::wireName).toList(),
                Timestamps.format(order.createdAt()), Timestamps.format(order.updatedAt()));
    }
}
