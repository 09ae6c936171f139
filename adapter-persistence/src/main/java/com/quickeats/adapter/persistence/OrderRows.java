package com.quickeats.adapter.persistence;

import com.quickeats.order.domain.Cancellation;
import com.quickeats.order.domain.CancelledBy;
import com.quickeats.order.domain.MenuItemId;
import com.quickeats.order.domain.Money;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderId;
import com.quickeats.order.domain.OrderLine;
import com.quickeats.order.domain.OrderStatus;
import com.quickeats.order.domain.Payment;
import com.quickeats.order.domain.PaymentMethod;
import com.quickeats.order.domain.RestaurantId;
import com.quickeats.order.domain.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

/** The one mapping between a row of {@code orders} (with its {@code order_lines}) and the aggregate, both ways. */
final class OrderRows {
    private OrderRows() {
    }

    /** An order row before its lines are attached. */
    record Row(long id, UserId customerId, RestaurantId restaurantId, UserId restaurantOwnerId, OrderStatus status,
               long version, long totalAmount, String deliveryAddress, Payment payment, Cancellation cancellation,
               UserId riderId, Instant createdAt, Instant updatedAt) {

        Order toOrder(List<OrderLine> lines) {
            Order order = Order.rehydrate(OrderId.of(id), customerId, restaurantId, restaurantOwnerId, lines,
                    deliveryAddress, status, version, payment, cancellation, riderId, createdAt, updatedAt);
            if (order.total().amount() != totalAmount) {
                throw new IllegalStateException("order " + id + " stores a total of " + totalAmount
                        + " won but its lines add up to " + order.total().amount());
            }
            return order;
        }
    }

    /**
     * The orders of a result that joins each order row to its lines ({@code LEFT JOIN order_lines}, one row per
     * line, the order's rows together and its lines by {@code line_no}), in the result's order.
     */
    static List<Order> readWithLines(ResultSet rs) throws SQLException {
        List<Order> orders = new ArrayList<>();
        Row row = null;
        List<OrderLine> lines = new ArrayList<>();
        while (rs.next()) {
            long id = rs.getLong("id");
            if (row == null || row.id() != id) {
                if (row != null) {
                    orders.add(row.toOrder(lines));
                }
                row = read(rs, null);
                lines = new ArrayList<>();
            }
            rs.getInt("line_no");
            if (!rs.wasNull()) {
                lines.add(readLine(rs));
            }
        }
        if (row != null) {
            orders.add(row.toOrder(lines));
        }
        return orders;
    }

    static Row read(ResultSet rs, StatementContext context) throws SQLException {
        String paymentMethod = rs.getString("payment_method");
        Payment payment = paymentMethod == null ? null : new Payment(
                known(PaymentMethod.fromWireName(paymentMethod), "payment method", paymentMethod),
                Money.won(rs.getLong("payment_amount")),
                Timestamps.read(rs, "paid_at"));
        String cancelledBy = rs.getString("cancelled_by");
        Cancellation cancellation = cancelledBy == null ? null : new Cancellation(
                rs.getString("cancellation_reason"),
                known(CancelledBy.fromWireName(cancelledBy), "cancelling party", cancelledBy),
                rs.getBoolean("refund_due"),
                Timestamps.read(rs, "cancelled_at"));
        String riderId = rs.getString("rider_id");
        String status = rs.getString("status");
        return new Row(
                rs.getLong("id"),
                UserId.of(rs.getString("customer_id")),
                RestaurantId.of(rs.getLong("restaurant_id")),
                UserId.of(rs.getString("restaurant_owner_id")),
                known(OrderStatus.fromWireName(status), "status", status),
                rs.getLong("version"),
                rs.getLong("total_amount"),
                rs.getString("delivery_address"),
                payment,
                cancellation,
                riderId == null ? null : UserId.of(riderId),
                Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "updated_at"));
    }

    static OrderLine readLine(ResultSet rs) throws SQLException {
        return new OrderLine(MenuItemId.of(rs.getLong("menu_item_id")), rs.getString("name"),
                Money.won(rs.getLong("unit_price")), rs.getInt("quantity"));
    }

    /** Binds what a transition may change: status, version, payment, cancellation, rider, update time. */
    static void bindState(NamedSql.Bound statement, Order order) throws SQLException {
        Payment payment = order.payment().orElse(null);
        Cancellation cancellation = order.cancellation().orElse(null);
        statement.setLong("id", order.id().value())
                .setText("status", order.status().wireName())
                .setLong("version", order.version())
                .setText("payment_method", payment == null ? null : payment.method().wireName())
                .setLong("payment_amount", payment == null ? null : payment.amount().amount())
                .setInstant("paid_at", payment == null ? null : payment.paidAt())
                .setText("cancellation_reason", cancellation == null ? null : cancellation.reason())
                .setText("cancelled_by", cancellation == null ? null : cancellation.cancelledBy().wireName())
                .setBoolean("refund_due", cancellation == null ? null : cancellation.refundDue())
                .setInstant("cancelled_at", cancellation == null ? null : cancellation.cancelledAt())
                .setText("rider_id", order.riderId().map(UserId::value).orElse(null))
                .setInstant("updated_at", order.updatedAt());
    }

    /** The order's lines as arrays, numbered from 1 in their order by the statement. */
    static void bindLines(NamedSql.Bound statement, Order order) throws SQLException {
        List<OrderLine> lines = order.lines();
        int n = lines.size();
        long[] menuItems = new long[n];
        String[] names = new String[n];
        long[] prices = new long[n];
        int[] quantities = new int[n];
        for (int i = 0; i < n; i++) {
            OrderLine line = lines.get(i);
            menuItems[i] = line.menuItemId().value();
            names[i] = line.name();
            prices[i] = line.unitPrice().amount();
            quantities[i] = line.quantity();
        }
        statement.set("line_menu_items", menuItems)
                .set("line_names", names)
                .set("line_prices", prices)
                .set("line_quantities", quantities);
    }

    private static <T> T known(Optional<T> value, String what, String stored) {
        return value.orElseThrow(() -> new IllegalStateException("unknown " + what + " '" + stored + "' in storage"));
    }
}
