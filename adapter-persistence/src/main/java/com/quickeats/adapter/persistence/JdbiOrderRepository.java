package com.quickeats.adapter.persistence;

import com.quickeats.order.application.port.out.DuplicateOrderException;
import com.quickeats.order.application.port.out.OrderPageRequest;
import com.quickeats.order.application.port.out.OrderRepository;
import com.quickeats.order.application.port.out.RecordedEvent;
import com.quickeats.order.application.port.out.StaleOrderException;
import com.quickeats.order.domain.Cancellation;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderEvent;
import com.quickeats.order.domain.OrderId;
import com.quickeats.order.domain.OrderLine;
import com.quickeats.order.domain.Payment;
import com.quickeats.order.domain.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Orders, their lines and their history in PostgreSQL. Every write is version-checked in the statement that
 * makes it ({@code UPDATE … WHERE id = ? AND version = ?}), and an order's events are inserted in the same
 * transaction, only after its row was written.
 *
 * <p>Each order row also carries the owner of its restaurant ({@code orders.restaurant_owner_id}, copied from
 * {@code restaurants.owner_id} by the statement that inserts the order), so that an owner's order list walks one
 * index however many restaurants the owner has (see {@link PageQuery}). This relies on a restaurant's owner never
 * changing: nothing in this service updates {@code restaurants.owner_id}, and an order's copy is never rewritten.
 * Whatever comes to move a restaurant to another owner must update the {@code restaurant_owner_id} of all its
 * orders in the same transaction (see migration V2).
 */
final class JdbiOrderRepository implements OrderRepository {
    private static final String PRIMARY_KEY = "orders_pkey";

    /**
     * Inserts the order with its restaurant's owner, read from {@code restaurants} in the same statement, and
     * answers two facts seen in one snapshot: whether the restaurant exists, and whether the order was inserted.
     * An unknown restaurant inserts nothing ({@code INSERT … SELECT} over no row) and a repeated (customer,
     * creation key) inserts nothing either ({@code ON CONFLICT DO NOTHING}); the first fact tells them apart.
     */
    private static final String INSERT_ORDER = """
            WITH restaurant AS (
                SELECT owner_id FROM restaurants WHERE id = :restaurant_id
            ), inserted AS (
                INSERT INTO orders (id, customer_id, restaurant_id, restaurant_owner_id, status, version, total_amount,
                                    delivery_address, payment_method, payment_amount, paid_at, cancellation_reason,
                                    cancelled_by, refund_due, cancelled_at, rider_id, creation_key, created_at,
                                    updated_at)
                SELECT :id, :customer_id, :restaurant_id, restaurant.owner_id, :status, :version, :total_amount,
                       :delivery_address, :payment_method, :payment_amount, :paid_at, :cancellation_reason,
                       :cancelled_by, :refund_due, :cancelled_at, :rider_id, :creation_key, :created_at, :updated_at
                  FROM restaurant
                ON CONFLICT (customer_id, creation_key) DO NOTHING
                RETURNING id
            )
            SELECT EXISTS (SELECT FROM restaurant) AS restaurant_known, EXISTS (SELECT FROM inserted) AS inserted""";

    /** Lines, customer, restaurant, total, address and creation time never change after placement. */
    private static final String UPDATE_ORDER = """
            UPDATE orders
               SET status = :status, version = :version,
                   payment_method = :payment_method, payment_amount = :payment_amount, paid_at = :paid_at,
                   cancellation_reason = :cancellation_reason, cancelled_by = :cancelled_by,
                   refund_due = :refund_due, cancelled_at = :cancelled_at,
                   rider_id = :rider_id, updated_at = :updated_at
             WHERE id = :id AND version = :expected_version""";

    private static final String INSERT_LINE = """
            INSERT INTO order_lines (order_id, line_no, menu_item_id, name, unit_price, quantity)
            VALUES (:order_id, :line_no, :menu_item_id, :name, :unit_price, :quantity)""";

    private static final String INSERT_EVENT = """
            INSERT INTO order_events (order_id, version, type, payload, actor, occurred_at)
            VALUES (:order_id, :version, :type, CAST(:payload AS jsonb), :actor, :occurred_at)""";

    private static final String SELECT_LINES = """
            SELECT order_id, line_no, menu_item_id, name, unit_price, quantity
              FROM order_lines
             WHERE order_id = ANY(:order_ids)
             ORDER BY order_id, line_no""";

    private final JdbiTransactionRunner transactions;
    private final JsonColumns payloads;
    private final OutboxWriter outbox;

    /** What {@link #INSERT_ORDER} found: whether the order's restaurant exists, whether the order was inserted. */
    private record Insertion(boolean restaurantKnown, boolean inserted) {
    }

    JdbiOrderRepository(JdbiTransactionRunner transactions, JsonColumns payloads, OutboxWriter outbox) {
        this.transactions = transactions;
        this.payloads = payloads;
        this.outbox = outbox;
    }

    @Override
    public OrderId nextId() {
        return OrderId.of(transactions.withHandle(h ->
                h.createQuery("SELECT nextval('order_ids')").mapTo(Long.class).one()));
    }

    /**
     * Inserts a newly placed order (version 1, or further if it already went through verbs before being
     * stored) with its lines and every event of its history. A repeated (customer, creation key) is refused by
     * the unique constraint without aborting the transaction ({@code ON CONFLICT DO NOTHING}); a concurrent
     * insert of the same key waits for the first transaction and is refused if that one commits. An order for a
     * restaurant that is not stored is an {@link IllegalStateException}, not a duplicate, and writes nothing.
     */
    @Override
    public void add(Order order, String creationKey) {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(creationKey, "creationKey");
        if (order.persistedVersion() != 0) {
            throw new IllegalArgumentException("order " + order.id() + " was loaded from storage; update it instead");
        }
        checkEventsFollow(order, 0);
        transactions.inTransactionWithHandle(h -> {
            Insertion insertion;
            try {
                insertion = bindState(h.createQuery(INSERT_ORDER), order)
                        .bind("customer_id", order.customerId().value())
                        .bind("restaurant_id", order.restaurantId().value())
                        .bind("total_amount", order.total().amount())
                        .bind("delivery_address", order.deliveryAddress())
                        .bind("creation_key", creationKey)
                        .bind("created_at", order.createdAt())
                        .map((rs, ctx) -> new Insertion(rs.getBoolean("restaurant_known"), rs.getBoolean("inserted")))
                        .one();
            } catch (UnableToExecuteStatementException e) {
                if (PostgresErrors.isUniqueViolationOf(e, PRIMARY_KEY)) {
                    throw new IllegalStateException("order " + order.id() + " is already stored", e);
                }
                throw e;
            }
            if (!insertion.restaurantKnown()) {
                throw new IllegalStateException("order " + order.id() + " is for restaurant " + order.restaurantId()
                        + ", which is not stored");
            }
            if (!insertion.inserted()) {
                throw new DuplicateOrderException(order.customerId(), creationKey);
            }
            insertLines(h, order);
            insertEvents(h, order);
            return null;
        });
    }

    @Override
    public Optional<Order> find(OrderId id) {
        return transactions.withHandle(h -> loadWhere(h, "o.id = :id", Map.of("id", id.value())))
                .stream().findFirst();
    }

    @Override
    public Optional<Order> findByCreationKey(UserId customer, String creationKey) {
        return transactions.withHandle(h -> loadWhere(h, "o.customer_id = :customer_id AND o.creation_key = :key",
                Map.of("customer_id", customer.value(), "key", creationKey))).stream().findFirst();
    }

    /**
     * Writes the order's new state only if the stored row is still at {@code expectedVersion}, then its new
     * events. When no row matched, nothing at all was written and {@link StaleOrderException} is thrown.
     */
    @Override
    public void update(Order order, long expectedVersion) {
        Objects.requireNonNull(order, "order");
        if (expectedVersion != order.persistedVersion()) {
            throw new IllegalArgumentException("order " + order.id() + " was loaded at version "
                    + order.persistedVersion() + "; its events cannot follow version " + expectedVersion);
        }
        checkEventsFollow(order, expectedVersion);
        transactions.inTransactionWithHandle(h -> {
            int updated = bindState(h.createUpdate(UPDATE_ORDER), order)
                    .bind("expected_version", expectedVersion)
                    .execute();
            if (updated == 0) {
                throw new StaleOrderException(order.id(), expectedVersion);
            }
            insertEvents(h, order);
            return null;
        });
    }

    /** Two statements whatever the limit: one for the orders of the page, one for all their lines. */
    @Override
    public List<Order> page(OrderPageRequest request) {
        PageQuery query = PageQuery.of(request);
        return transactions.withHandle(h -> withLines(h,
                h.createQuery(query.sql()).bindMap(query.parameters()).map(OrderRows::read).list()));
    }

    @Override
    public List<RecordedEvent> history(OrderId id) {
        return transactions.withHandle(h -> h.createQuery("""
                        SELECT version, type, occurred_at, actor
                          FROM order_events
                         WHERE order_id = :order_id
                         ORDER BY version""")
                .bind("order_id", id.value())
                .map((rs, ctx) -> new RecordedEvent(rs.getLong("version"), rs.getString("type"),
                        Timestamps.read(rs, "occurred_at"), UserId.of(rs.getString("actor")), rs.getLong("version")))
                .list());
    }

    private List<Order> loadWhere(Handle h, String condition, Map<String, Object> parameters) {
        List<OrderRows.Row> rows = h.createQuery("SELECT " + PageQuery.ORDER_COLUMNS + " FROM orders o WHERE "
                        + condition)
                .bindMap(parameters)
                .map(OrderRows::read)
                .list();
        return withLines(h, rows);
    }

    /** Attaches the lines of all {@code rows} in one statement, keeping the rows' order. */
    private static List<Order> withLines(Handle h, List<OrderRows.Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(OrderRows.Row::id).toList();
        Map<Long, List<OrderLine>> lines = h.createQuery(SELECT_LINES)
                .bindArray("order_ids", Long.class, ids)
                .map((rs, ctx) -> Map.entry(rs.getLong("order_id"), OrderRows.readLine(rs)))
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        List<Order> orders = new ArrayList<>(rows.size());
        for (OrderRows.Row row : rows) {
            orders.add(row.toOrder(lines.getOrDefault(row.id(), List.of())));
        }
        return orders;
    }

    /** Binds what a transition may change: status, version, payment, cancellation, rider, update time. */
    private static <S extends SqlStatement<S>> S bindState(S statement, Order order) {
        Optional<Payment> payment = order.payment();
        Optional<Cancellation> cancellation = order.cancellation();
        return statement
                .bind("id", order.id().value())
                .bind("status", order.status().wireName())
                .bind("version", order.version())
                .bind("payment_method", payment.map(p -> p.method().wireName()).orElse(null))
                .bind("payment_amount", payment.map(p -> p.amount().amount()).orElse(null))
                .bind("paid_at", payment.map(Payment::paidAt).orElse(null))
                .bind("cancellation_reason", cancellation.map(Cancellation::reason).orElse(null))
                .bind("cancelled_by", cancellation.map(c -> c.cancelledBy().wireName()).orElse(null))
                .bind("refund_due", cancellation.map(Cancellation::refundDue).orElse(null))
                .bind("cancelled_at", cancellation.map(Cancellation::cancelledAt).orElse(null))
                .bind("rider_id", order.riderId().map(UserId::value).orElse(null))
                .bind("updated_at", order.updatedAt());
    }

    private static void insertLines(Handle h, Order order) {
        PreparedBatch batch = h.prepareBatch(INSERT_LINE);
        List<OrderLine> lines = order.lines();
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            batch.bind("order_id", order.id().value())
                    .bind("line_no", i + 1)
                    .bind("menu_item_id", line.menuItemId().value())
                    .bind("name", line.name())
                    .bind("unit_price", line.unitPrice().amount())
                    .bind("quantity", line.quantity())
                    .add();
        }
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    /** The order's history and its outbox rows (contract §10), on the handle that wrote the order. */
    private void insertEvents(Handle h, Order order) {
        List<OrderEvent> events = order.pendingEvents();
        if (events.isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch(INSERT_EVENT);
        for (OrderEvent event : events) {
            batch.bind("order_id", event.orderId().value())
                    .bind("version", event.version())
                    .bind("type", event.type())
                    .bind("payload", payloads.payloadOf(event))
                    .bind("actor", event.actor().value())
                    .bind("occurred_at", event.occurredAt())
                    .add();
        }
        batch.execute();
        outbox.append(h, order);
    }

    /** The pending events must number the versions after {@code base} up to the order's, one each. */
    private static void checkEventsFollow(Order order, long base) {
        long expected = base + 1;
        for (OrderEvent event : order.pendingEvents()) {
            if (event.version() != expected || !event.orderId().equals(order.id())) {
                throw new IllegalArgumentException("order " + order.id() + " has event " + event.type() + " v"
                        + event.version() + " where version " + expected + " was due");
            }
            expected++;
        }
        if (expected != order.version() + 1) {
            throw new IllegalArgumentException("order " + order.id() + " is at version " + order.version()
                    + " but its events reach only " + (expected - 1));
        }
    }
}
