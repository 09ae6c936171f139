package com.quickeats.adapter.persistence;

import com.quickeats.order.application.port.out.FeedEntry;
import com.quickeats.order.application.port.out.FeedPosition;
import com.quickeats.order.application.port.out.OrderFeedSource;
import com.quickeats.order.domain.OrderStatus;
import com.quickeats.order.domain.RestaurantId;
import com.quickeats.order.domain.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * The live feed's view of {@code order_outbox} (migrations V4, V5). Rows are read by (txid, seq) and only
 * below {@code pg_snapshot_xmin(pg_current_snapshot())}: every transaction numbered below that has ended, so
 * nothing can commit behind a position once it was read. The price: a transaction held open anywhere on the
 * database server holds the feed back until it ends.
 */
final class PostgresOrderFeedSource implements OrderFeedSource {
    private static final String COLUMNS = """
            SELECT txid::text AS transaction, seq, order_id, version, type, status, previous_status, restaurant_id,
                   customer_id, owner_id, rider_id, occurred_at, payload::text AS payload
              FROM order_outbox""";
    private static final String AFTER = "(txid, seq) > (CAST(:txid AS xid8), :seq)";
    private static final NamedSql READ_AFTER = NamedSql.of(COLUMNS + " WHERE " + AFTER
            + " AND txid < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY txid, seq LIMIT :limit");
    private static final NamedSql READ_BETWEEN = NamedSql.of(COLUMNS + " WHERE " + AFTER
            + " AND (txid, seq) <= (CAST(:to_txid AS xid8), :to_seq) ORDER BY txid, seq LIMIT :limit");

    private final JdbiTransactionRunner transactions;
    private final Jdbi jdbi;
    private final DataSource listenerConnections;

    PostgresOrderFeedSource(JdbiTransactionRunner transactions, DataSource listenerConnections) {
        this.transactions = transactions;
        this.jdbi = transactions.jdbi();
        this.listenerConnections = listenerConnections;
    }

    /** After every commit that wrote outbox rows: plain JDBC, the driver's prepared statement reused. */
    @Override
    public List<FeedEntry> readAfter(FeedPosition after, int limit) {
        return transactions.withConnection(connection -> {
            try (NamedSql.Bound statement = READ_AFTER.prepare(connection)) {
                bindAfter(statement, after).set("limit", limit);
                return entries(statement);
            }
        });
    }

    @Override
    public List<FeedEntry> readBetween(FeedPosition after, FeedPosition upTo, int limit) {
        return transactions.withConnection(connection -> {
            try (NamedSql.Bound statement = READ_BETWEEN.prepare(connection)) {
                bindAfter(statement, after)
                        .set("to_txid", Long.toString(upTo.transaction()))
                        .set("to_seq", upTo.sequence())
                        .set("limit", limit);
                return entries(statement);
            }
        });
    }

    private static NamedSql.Bound bindAfter(NamedSql.Bound statement, FeedPosition after) throws SQLException {
        return statement.set("txid", Long.toString(after.transaction())).set("seq", after.sequence());
    }

    private static List<FeedEntry> entries(NamedSql.Bound statement) throws SQLException {
        List<FeedEntry> entries = new ArrayList<>();
        try (ResultSet rs = statement.statement().executeQuery()) {
            while (rs.next()) {
                entries.add(entry(rs));
            }
        }
        return entries;
    }

    @Override
    public FeedPosition head() {
        return StorageFailures.translate(() -> jdbi.withHandle(h -> h.createQuery("""
                        SELECT txid::text AS transaction, seq FROM order_outbox
                         WHERE txid < pg_snapshot_xmin(pg_current_snapshot())
                         ORDER BY txid DESC, seq DESC LIMIT 1""")
                .map((rs, ctx) -> position(rs))
                .findOne()
                .orElse(FeedPosition.START)));
    }

    @Override
    public AutoCloseable listen(Runnable onCommit) {
        return OutboxListener.start(listenerConnections, onCommit);
    }

    /** Oldest first, skipping rows a concurrent purge holds, so two instances purging never wait for each other. */
    @Override
    public int purgeBefore(Instant cutoff, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        return StorageFailures.translate(() -> jdbi.withHandle(h -> h.createUpdate("""
                        DELETE FROM order_outbox
                         WHERE id IN (SELECT id FROM order_outbox
                                       WHERE occurred_at < :cutoff
                                       ORDER BY occurred_at
                                       LIMIT :batch_size
                                         FOR UPDATE SKIP LOCKED)""")
                .bind("cutoff", cutoff)
                .bind("batch_size", batchSize)
                .execute()));
    }

    private static FeedEntry entry(ResultSet rs) throws SQLException {
        return new FeedEntry(position(rs), rs.getLong("order_id"), rs.getLong("version"), rs.getString("type"),
                status(rs.getString("status")), Optional.ofNullable(rs.getString("previous_status")).map(
                        PostgresOrderFeedSource::status),
                RestaurantId.of(rs.getLong("restaurant_id")), UserId.of(rs.getString("customer_id")),
                UserId.of(rs.getString("owner_id")), Optional.ofNullable(rs.getString("rider_id")).map(UserId::of),
                Timestamps.read(rs, "occurred_at"), rs.getString("payload"));
    }

    private static FeedPosition position(ResultSet rs) throws SQLException {
        // Aliased apart from txid: ORDER BY txid would otherwise sort the text ('1000' before '751').
        return new FeedPosition(Long.parseLong(rs.getString("transaction")), rs.getLong("seq"));
    }

    private static OrderStatus status(String wireName) {
        return OrderStatus.fromWireName(wireName)
                .orElseThrow(() -> new IllegalStateException("order_outbox holds an unknown status " + wireName));
    }
}
