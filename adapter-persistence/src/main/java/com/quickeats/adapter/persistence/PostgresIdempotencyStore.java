package com.quickeats.adapter.persistence;

import com.quickeats.order.application.RequestInProgressException;
import com.quickeats.order.application.port.out.IdempotencyClaim;
import com.quickeats.order.application.port.out.IdempotencyStore;
import com.quickeats.order.application.port.out.StoredResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Idempotency records in PostgreSQL, claimed with {@code INSERT … ON CONFLICT (caller, key) DO NOTHING}: the
 * insert itself is the claim, so there is no gap between looking and taking. A second unit of work inserting
 * the same key waits for the first; it gets the key if the first rolls back, and sees its committed record
 * (replay or mismatch) if it commits.
 *
 * <p>The wait is bounded by a {@code lock_timeout} set only around the claim, inside a savepoint: a holder
 * that does not finish in time yields {@link RequestInProgressException} and leaves the caller's transaction
 * usable, not aborted.
 */
final class PostgresIdempotencyStore implements IdempotencyStore {
    /** How long a claim waits for a concurrent holder of the same key by default. */
    static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(5);
    /** A record can vanish (purged, or reclaimed after expiry) between the insert and the look; try again. */
    private static final int CLAIM_ATTEMPTS = 3;
    private static final String SAVEPOINT = "idempotency_claim";

    private final JdbiTransactionRunner transactions;
    private final JsonColumns json;
    private final Duration lockTimeout;

    PostgresIdempotencyStore(JdbiTransactionRunner transactions, JsonColumns json, Duration lockTimeout) {
        this.transactions = transactions;
        this.json = json;
        if (lockTimeout.isNegative() || lockTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("the claim's lock timeout must be at least 1 ms, got " + lockTimeout);
        }
        this.lockTimeout = lockTimeout;
    }

    @Override
    public ClaimResult claim(IdempotencyClaim claim, Instant now, Instant expiresAt) {
        Objects.requireNonNull(claim, "claim");
        requireUnitOfWork("claim");
        return transactions.withHandle(h -> {
            h.execute("SAVEPOINT " + SAVEPOINT);
            h.execute("SET LOCAL lock_timeout = '" + lockTimeout.toMillis() + "ms'");
            ClaimResult result;
            try {
                result = claimIn(h, claim, now, expiresAt);
            } catch (UnableToExecuteStatementException e) {
                if (PostgresErrors.hasState(e, PostgresErrors.LOCK_NOT_AVAILABLE)) {
                    // Undoes the failed statement and the lock_timeout alike; the transaction goes on.
                    h.execute("ROLLBACK TO SAVEPOINT " + SAVEPOINT);
                    h.execute("RELEASE SAVEPOINT " + SAVEPOINT);
                    throw new RequestInProgressException(claim.key());
                }
                throw e;
            }
            h.execute("RELEASE SAVEPOINT " + SAVEPOINT);
            h.execute("SET LOCAL lock_timeout TO DEFAULT");
            return result;
        });
    }

    private ClaimResult claimIn(Handle h, IdempotencyClaim claim, Instant now, Instant expiresAt) {
        for (int attempt = 1; attempt <= CLAIM_ATTEMPTS; attempt++) {
            int inserted = h.createUpdate("""
                            INSERT INTO idempotency_records (caller, key, fingerprint, created_at, expires_at)
                            VALUES (:caller, :key, :fingerprint, :now, :expires_at)
                            ON CONFLICT (caller, key) DO NOTHING""")
                    .bind("caller", claim.caller().value())
                    .bind("key", claim.key())
                    .bind("fingerprint", claim.fingerprint())
                    .bind("now", now)
                    .bind("expires_at", expiresAt)
                    .execute();
            if (inserted == 1) {
                return new ClaimResult.Claimed();
            }
            Optional<Existing> existing = h.createQuery("""
                            SELECT fingerprint, status, headers, body, expires_at
                              FROM idempotency_records
                             WHERE caller = :caller AND key = :key""")
                    .bind("caller", claim.caller().value())
                    .bind("key", claim.key())
                    .map((rs, ctx) -> new Existing(rs.getString("fingerprint"),
                            rs.getObject("status", Integer.class), rs.getString("headers"), rs.getBytes("body"),
                            Timestamps.read(rs, "expires_at")))
                    .findOne();
            if (existing.isEmpty()) {
                continue; // purged since the insert saw it
            }
            Existing record = existing.get();
            if (!record.expiresAt().isAfter(now)) {
                // Expired counts as absent: remove it (unless someone else already did) and claim again.
                h.createUpdate("DELETE FROM idempotency_records WHERE caller = :caller AND key = :key"
                                + " AND expires_at <= :now")
                        .bind("caller", claim.caller().value())
                        .bind("key", claim.key())
                        .bind("now", now)
                        .execute();
                continue;
            }
            if (!record.fingerprint().equals(claim.fingerprint())) {
                return new ClaimResult.Mismatch();
            }
            if (record.status() == null) {
                // No outcome yet, and only the unit of work that inserted it can see it: ours.
                return new ClaimResult.Claimed();
            }
            return new ClaimResult.Completed(new StoredResponse(record.status(), json.readHeaders(record.headers()),
                    record.body()));
        }
        throw new RequestInProgressException(claim.key());
    }

    @Override
    public void complete(IdempotencyClaim claim, StoredResponse response) {
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(response, "response");
        requireUnitOfWork("complete");
        int updated = transactions.withHandle(h -> h.createUpdate("""
                        UPDATE idempotency_records
                           SET status = :status, headers = CAST(:headers AS jsonb), body = :body
                         WHERE caller = :caller AND key = :key AND fingerprint = :fingerprint AND status IS NULL""")
                .bind("status", response.status())
                .bind("headers", json.headers(response.headers()))
                .bind("body", response.body())
                .bind("caller", claim.caller().value())
                .bind("key", claim.key())
                .bind("fingerprint", claim.fingerprint())
                .execute());
        if (updated != 1) {
            throw new IllegalStateException("key '" + claim.key() + "' was not claimed in this unit of work");
        }
    }

    /** Skips records that a claim is reclaiming right now, so the purge never waits for a request. */
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

    private void requireUnitOfWork(String operation) {
        if (!transactions.isInUnitOfWork()) {
            throw new IllegalStateException("an idempotency " + operation
                    + " must run inside a unit of work, to commit with the state change it describes");
        }
    }

    private record Existing(String fingerprint, Integer status, String headers, byte[] body, Instant expiresAt) {
    }
}
