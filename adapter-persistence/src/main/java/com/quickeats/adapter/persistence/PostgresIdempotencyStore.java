package com.quickeats.adapter.persistence;

import com.quickeats.order.application.RequestInProgressException;
import com.quickeats.order.application.port.out.IdempotencyClaim;
import com.quickeats.order.application.port.out.IdempotencyStore;
import com.quickeats.order.application.port.out.StoredResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Idempotency records in PostgreSQL. A claim takes a transaction-scoped advisory lock on (caller, key), then
 * looks the record up in a statement of its own, whose snapshot is taken after the lock was granted: a second
 * unit of work claiming the same key waits for the first to end, then sees the record it committed (replay or
 * mismatch), or none if it rolled back. Lock and look-up travel in one round trip. The record itself is inserted
 * only by {@link #complete}, at the end, in the round trip that carries the COMMIT.
 *
 * <p>Why a lock and not an {@code INSERT … ON CONFLICT}: neither the lock nor the look-up writes, so a unit of
 * work gets its transaction id from its first real write, which comes after it read the order it changes. The
 * outbox feed relies on that to number an order's events in version order (migration V4).
 *
 * <p>The wait is bounded by a {@code lock_timeout} set for the claim's statement only (restored by the
 * look-up): a holder that does not finish in time yields {@link RequestInProgressException}, and the unit of
 * work, which has written nothing yet, rolls back.
 */
final class PostgresIdempotencyStore implements IdempotencyStore {
    private static final String LOCK_NOT_AVAILABLE = PostgresErrors.LOCK_NOT_AVAILABLE;
    /** How long a claim waits for a concurrent holder of the same key by default. */
    static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(5);

    /**
     * The claim in one round trip of two statements, sent together: the lock, its wait bounded by a lock timeout
     * set for this statement only (the session's value kept aside first: an argument is evaluated before the
     * call); then the look-up, in a statement of its own so that its snapshot is taken after the lock was granted,
     * which also puts the session's lock timeout back. One row whether or not a record exists.
     */
    private static final String CLAIM = """
            SELECT pg_advisory_xact_lock(? + 0 * length(set_config('lock_timeout',
                       ? || left(set_config('quickeats.lock_timeout_before', current_setting('lock_timeout'), true), 0),
                       true)));
            SELECT r.fingerprint, r.status, r.headers, r.body, r.expires_at
              FROM (SELECT set_config('lock_timeout', current_setting('quickeats.lock_timeout_before'), true))
                   AS restored
              LEFT JOIN idempotency_records r ON r.caller = ? AND r.key = ?""";

    /**
     * Takes the place of an expired record; a live one is never overwritten: the insert fails on the key. Sent
     * with the COMMIT, which a failure skips.
     */
    private static final JdbiTransactionRunner.FinalWrite INSERT = JdbiTransactionRunner.FinalWrite.of("""
            DELETE FROM idempotency_records WHERE caller = :caller AND key = :key AND expires_at <= :now;
            INSERT INTO idempotency_records (caller, key, fingerprint, created_at, expires_at, status, headers, body)
            VALUES (:caller, :key, :fingerprint, :now, :expires_at, :status, CAST(:headers AS jsonb), :body)""");

    /** A digest per thread: looking one up in the security providers costs more than the hash itself. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    });

    private final JdbiTransactionRunner transactions;
    private final JsonColumns json;
    private final String lockTimeout;
    /** The keys each open unit of work (its connection) has claimed and not completed, with the claim's times. */
    private final Map<Connection, Map<IdempotencyClaim, Times>> claimed = Collections.synchronizedMap(new WeakHashMap<>());

    PostgresIdempotencyStore(JdbiTransactionRunner transactions, JsonColumns json, Duration lockTimeout) {
        this.transactions = transactions;
        this.json = json;
        if (lockTimeout.isNegative() || lockTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("the claim's lock timeout must be at least 1 ms, got " + lockTimeout);
        }
        this.lockTimeout = lockTimeout.toMillis() + "ms";
    }

    @Override
    public ClaimResult claim(IdempotencyClaim claim, Instant now, Instant expiresAt) {
        Objects.requireNonNull(claim, "claim");
        requireUnitOfWork("claim");
        return transactions.inTransactionWithConnection(connection -> {
            Existing record = lockAndLookUp(connection, claim);
            if (record.fingerprint() == null || !record.expiresAt().isAfter(now)) {
                // Absent, or expired, which counts as absent: ours now.
                claimed.computeIfAbsent(connection, unitOfWork -> new HashMap<>()).put(claim, new Times(now, expiresAt));
                return new ClaimResult.Claimed();
            }
            if (!record.fingerprint().equals(claim.fingerprint())) {
                return new ClaimResult.Mismatch();
            }
            return new ClaimResult.Completed(new StoredResponse(record.status(), json.readHeaders(record.headers()),
                    record.body()));
        });
    }

    @Override
    public void complete(IdempotencyClaim claim, StoredResponse response) {
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(response, "response");
        requireUnitOfWork("complete");
        Times times = transactions.inTransactionWithConnection(connection -> {
            Map<IdempotencyClaim, Times> mine = claimed.get(connection);
            Times claimedTimes = mine == null ? null : mine.remove(claim);
            if (claimedTimes == null) {
                throw new IllegalStateException("key '" + claim.key() + "' was not claimed in this unit of work");
            }
            return claimedTimes;
        });
        String headers = json.headers(response.headers());
        transactions.writeAtCommit(INSERT, insert -> insert
                .setText("caller", claim.caller().value())
                .setText("key", claim.key())
                .setText("fingerprint", claim.fingerprint())
                .setInstant("now", times.claimedAt())
                .setInstant("expires_at", times.expiresAt())
                .set("status", response.status(), Types.INTEGER)
                .setText("headers", headers)
                .set("body", response.body(), Types.BINARY));
    }

    /** Runs {@link #CLAIM} on the unit of work's connection; a holder that outlasts the timeout is "in progress". */
    private Existing lockAndLookUp(Connection connection, IdempotencyClaim claim) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(CLAIM)) {
            statement.setLong(1, lockOf(claim));
            statement.setString(2, lockTimeout);
            statement.setString(3, claim.caller().value());
            statement.setString(4, claim.key());
            statement.execute();
            statement.getMoreResults();
            try (ResultSet rs = statement.getResultSet()) {
                rs.next();
                return new Existing(rs.getString("fingerprint"), rs.getObject("status", Integer.class),
                        rs.getString("headers"), rs.getBytes("body"), Timestamps.read(rs, "expires_at"));
            }
        } catch (SQLException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                throw new RequestInProgressException(claim.key());
            }
            throw e;
        }
    }

    /** Skips records that a completing request is replacing right now, so the purge never waits for one. */
    @Override
    public int purgeExpired(Instant now, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        return transactions.withHandle(h -> h.createUpdate("""
                        DELETE FROM idempotency_records
                         WHERE (caller, key) IN (SELECT caller, key
                                                   FROM idempotency_records
                                                  WHERE expires_at <= :now
                                                  ORDER BY expires_at
                                                  LIMIT :batch_size
                                                    FOR UPDATE SKIP LOCKED)""")
                .bind("now", now)
                .bind("batch_size", batchSize)
                .execute());
    }

    /**
     * The advisory lock's number for (caller, key): the first 8 bytes of a SHA-256 over both, the caller's
     * length first so that no two pairs share a text. Two pairs sharing a number only wait for each other.
     */
    static long lockOf(IdempotencyClaim claim) {
        String caller = claim.caller().value();
        String text = caller.length() + ":" + caller + ":" + claim.key();
        byte[] digest = SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(digest).getLong();
    }


    private void requireUnitOfWork(String operation) {
        if (!transactions.isInUnitOfWork()) {
            throw new IllegalStateException("an idempotency " + operation
                    + " must run inside a unit of work, to commit with the state change it describes");
        }
    }

    private record Existing(String fingerprint, Integer status, String headers, byte[] body, Instant expiresAt) {
    }

    private record Times(Instant claimedAt, Instant expiresAt) {
    }
}
