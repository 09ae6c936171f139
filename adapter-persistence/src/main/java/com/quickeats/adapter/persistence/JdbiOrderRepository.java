package com.quickeats.adapter.persistence;

import com.quickeats.order.application.port.out.DuplicateOrderException;
import com.quickeats.order.application.port.out.OrderPageRequest;
import com.quickeats.order.application.port.out.OrderRepository;
import com.quickeats.order.application.port.out.RecordedEvent;
import com.quickeats.order.application.port.out.StaleOrderException;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderEvent;
import com.quickeats.order.domain.OrderId;
import com.quickeats.order.domain.UserId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Orders, their lines and their history in PostgreSQL, one statement per call: an order is read with its lines
 * in one statement, and every write is one data-modifying statement that writes the order row, version-checked
 * ({@code UPDATE … WHERE id = ? AND version = ?}), and, only if it was written, the order's events and outbox
 * rows (see {@link OutboxWriter}).
 *
 * <p>Each order row also carries the owner of its restaurant ({@code orders.restaurant_owner_id}), which the order
 * snapshotted at placement as it did prices: reads and actions decide who may see and act from the order alone, and
 * an owner's order list walks one index however many restaurants the owner has (see {@link PageQuery}). This
 * relies on a restaurant's owner never changing: nothing in this service updates {@code restaurants.owner_id}, and
 * an order's copy is never rewritten. Whatever comes to move a restaurant to another owner must update the
 * {@code restaurant_owner_id} of all its orders in the same transaction (see migration V2).
 */
final class JdbiOrderRepository implements OrderRepository {
    private static final String PRIMARY_KEY = "orders_pkey";

    /**
     * Inserts the order with its lines, history and outbox rows, and answers two facts seen in one snapshot:
     * whether the restaurant exists, and whether the order was inserted. An unknown restaurant inserts nothing
     * ({@code INSERT … SELECT} over no row) and a repeated (customer, creation key) inserts nothing either
     * ({@code ON CONFLICT DO NOTHING}); the first fact tells them apart. Lines, events and outbox rows hang on the
     * inserted order: no order, none of them. Their foreign keys are checked at the end of the statement, when the
     * order row is there.
     */
    private static final NamedSql INSERT_ORDER = NamedSql.of("""
            WITH restaurant AS (
                SELECT FROM restaurants WHERE id = :restaurant_id
            ), written AS (
                INSERT INTO orders (id, customer_id, restaurant_id, restaurant_owner_id, status, version, total_amount,
                                    delivery_address, payment_method, payment_amount, paid_at, cancellation_reason,
                                    cancelled_by, refund_due, cancelled_at, rider_id, creation_key, created_at,
                                    updated_at)
                SELECT :id, :customer_id, :restaurant_id, :restaurant_owner_id, :status, :version, :total_amount,
                       :delivery_address, :payment_method, :payment_amount, :paid_at, :cancellation_reason,
                       :cancelled_by, :refund_due, :cancelled_at, :rider_id, :creation_key, :created_at, :updated_at
                  FROM restaurant
                ON CONFLICT (customer_id, creation_key) DO NOTHING
                RETURNING id, restaurant_id, customer_id, restaurant_owner_id
            ), lines AS (
                INSERT INTO order_lines (order_id, line_no, menu_item_id, name, unit_price, quantity)
                SELECT w.id, l.line_no, l.menu_item_id, l.name, l.unit_price, l.quantity
                  FROM written w
                 CROSS JOIN unnest(CAST(:line_menu_items AS bigint[]), CAST(:line_names AS text[]),
                                   CAST(:line_prices AS bigint[]), CAST(:line_quantities AS integer[]))
                       WITH ORDINALITY AS l(menu_item_id, name, unit_price, quantity, line_no)
            )""" + OutboxWriter.EVENTS_AND_OUTBOX + """

            SELECT EXISTS (SELECT FROM restaurant) AS restaurant_known, EXISTS (SELECT FROM written) AS inserted""");

    /**
     * Writes the order's new state, its history and outbox rows in one statement, only if the stored row is still
     * at the version the order was loaded at; answers how many orders it wrote. Lines, customer, restaurant,
     * total, address and creation time never change after placement.
     */
    private static final NamedSql UPDATE_ORDER = NamedSql.of("""
            WITH written AS (
                UPDATE orders
                   SET status = :status, version = :version,
                       payment_method = :payment_method, payment_amount = :payment_amount, paid_at = :paid_at,
                       cancellation_reason = :cancellation_reason, cancelled_by = :cancelled_by,
                       refund_due = :refund_due, cancelled_at = :cancelled_at,
                       rider_id = :rider_id, updated_at = :updated_at
                 WHERE id = :id AND version = :expected_version
                RETURNING id, restaurant_id, customer_id, restaurant_owner_id
            )""" + OutboxWriter.EVENTS_AND_OUTBOX + """

            SELECT count(*) FROM written""");

    /** An order with its lines, one row per line; the condition names the order ({@code o}). */
    private static final String SELECT_WITH_LINES = "SELECT " + PageQuery.ORDER_COLUMNS + ", "
            + PageQuery.LINE_COLUMNS + " FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id WHERE ";

    private static final String FIND_BY_ID = SELECT_WITH_LINES + "o.id = ? ORDER BY l.line_no";

    private static final String FIND_BY_CREATION_KEY = SELECT_WITH_LINES
            + "o.customer_id = ? AND o.creation_key = ? ORDER BY l.line_no";

    private static final int ID_BLOCK = 32;

    private final JdbiTransactionRunner transactions;
    private final OutboxWriter outbox;
    /** Ids drawn from the sequence and not handed out yet, in the sequence's order; guarded by itself. */
    private final Deque<Long> ids = new ArrayDeque<>();

    /** What {@link #INSERT_ORDER} found: whether the order's restaurant exists, whether the order was inserted. */
    private record Insertion(boolean restaurantKnown, boolean inserted) {
    }

    JdbiOrderRepository(JdbiTransactionRunner transactions, OutboxWriter outbox) {
        this.transactions = transactions;
        this.outbox = outbox;
    }

    /**
     * Ids come from the sequence {@value #ID_BLOCK} at a time, so that placing an order costs no round trip for
     * its id but once in {@value #ID_BLOCK}. They stay unique (a sequence never repeats itself); the rest of a
     * block is lost at shutdown, as a sequence's own cache loses it. No lock is held while the block is fetched:
     * two threads that find none left may both fetch one.
     */
    @Override
    public OrderId nextId() {
        synchronized (ids) {
            Long id = ids.pollFirst();
            if (id != null) {
                return OrderId.of(id);
            }
        }
        List<Long> block = transactions.withHandle(h -> h.createQuery(
                        "SELECT nextval('order_ids') FROM generate_series(1, :block)")
                .bind("block", ID_BLOCK)
                .mapTo(Long.class)
                .list());
        synchronized (ids) {
            ids.addAll(block.subList(1, block.size()));
        }
        return OrderId.of(block.get(0));
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
        Insertion insertion = transactions.inTransactionWithConnection(connection -> {
            try (NamedSql.Bound statement = INSERT_ORDER.prepare(connection)) {
                OrderRows.bindState(statement, order);
                outbox.bind(statement, order);
                OrderRows.bindLines(statement, order);
                statement.setText("customer_id", order.customerId().value())
                        .setLong("restaurant_id", order.restaurantId().value())
                        .setText("restaurant_owner_id", order.restaurantOwnerId().value())
                        .setLong("total_amount", order.total().amount())
                        .setText("delivery_address", order.deliveryAddress())
                        .setText("creation_key", creationKey)
                        .setInstant("created_at", order.createdAt());
                try (ResultSet rs = statement.statement().executeQuery()) {
                    rs.next();
                    return new Insertion(rs.getBoolean(1), rs.getBoolean(2));
                }
            } catch (SQLException e) {
                if (PostgresErrors.isUniqueViolationOf(e, PRIMARY_KEY)) {
                    throw new IllegalStateException("order " + order.id() + " is already stored", e);
                }
                throw e;
            }
        });
        if (!insertion.restaurantKnown()) {
            throw new IllegalStateException("order " + order.id() + " is for restaurant " + order.restaurantId()
                    + ", which is not stored");
        }
        if (!insertion.inserted()) {
            throw new DuplicateOrderException(order.customerId(), creationKey);
        }
    }

    /**
     * The hottest statement of the service (every read of one order, every action): plain JDBC on the unit of
     * work's connection, which the driver prepares once per connection, without JDBI's per-statement binding.
     */
    @Override
    public Optional<Order> find(OrderId id) {
        return transactions.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(FIND_BY_ID)) {
                statement.setLong(1, id.value());
                return first(statement);
            }
        });
    }

    @Override
    public Optional<Order> findByCreationKey(UserId customer, String creationKey) {
        return transactions.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(FIND_BY_CREATION_KEY)) {
                statement.setString(1, customer.value());
                statement.setString(2, creationKey);
                return first(statement);
            }
        });
    }

    private static Optional<Order> first(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            List<Order> found = OrderRows.readWithLines(rs);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    /**
     * Writes the order's new state only if the stored row is still at the version the order was loaded at, then
     * its new events. When no row matched, nothing at all was written and {@link StaleOrderException} is thrown.
     */
    @Override
    public void update(Order order) {
        Objects.requireNonNull(order, "order");
        long expectedVersion = order.persistedVersion();
        checkEventsFollow(order, expectedVersion);
        long written = transactions.inTransactionWithConnection(connection -> {
            try (NamedSql.Bound statement = UPDATE_ORDER.prepare(connection)) {
                OrderRows.bindState(statement, order);
                outbox.bind(statement, order);
                statement.setLong("expected_version", expectedVersion);
                try (ResultSet rs = statement.statement().executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        if (written == 0) {
            throw new StaleOrderException(order.id(), expectedVersion);
        }
    }

    /** One statement whatever the limit: the orders of the page with all their lines. */
    @Override
    public List<Order> page(OrderPageRequest request) {
        PageQuery query = PageQuery.of(request);
        return transactions.withHandle(h -> h.createQuery(query.sqlWithLines())
                .bindMap(query.parameters())
                .scanResultSet((rs, ctx) -> OrderRows.readWithLines(rs.get())));
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
