package com.quickeats.order.application.inmemory;

import com.quickeats.order.application.RequestInProgressException;
import com.quickeats.order.application.port.out.IdempotencyClaim;
import com.quickeats.order.application.port.out.IdempotencyStore;
import com.quickeats.order.application.port.out.StoredResponse;
import com.quickeats.order.domain.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * Idempotency records in memory. A claim locks (caller, key) until its unit of work ends, as PostgreSQL's
 * {@code INSERT ... ON CONFLICT} blocks on an uncommitted row with the same key: a concurrent claimer waits,
 * then sees the committed outcome, or a free key if the first unit of work rolled back.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
    public static final Duration DEFAULT_PATIENCE = Duration.ofSeconds(30);

    private record Scope(UserId caller, String key) {
    }

    /** {@code response} is null while the claiming request is still running. */
    private record Entry(String fingerprint, Instant expiresAt, StoredResponse response) {
        boolean isLiveAt(Instant now) {
            return expiresAt.isAfter(now);
        }
    }

    private final InMemoryTransactions transactions;
    private final Duration patience;
    private final TransactionalMap<Scope, Entry> entries;
    private final KeyLocks<Scope> locks = new KeyLocks<>();

    public InMemoryIdempotencyStore(InMemoryTransactions transactions) {
        this(transactions, DEFAULT_PATIENCE);
    }

    /** {@code patience}: how long a claim waits for a concurrent holder before giving up with "in progress". */
    public InMemoryIdempotencyStore(InMemoryTransactions transactions, Duration patience) {
        this.transactions = transactions;
        this.patience = patience;
        this.entries = new TransactionalMap<>(transactions);
    }

    @Override
    public ClaimResult claim(IdempotencyClaim claim, Instant now, Instant expiresAt) {
        Scope scope = scopeOf(claim);
        if (!locks.hold(transactions.current(), scope, patience)) {
            throw new RequestInProgressException(claim.key());
        }
        Optional<Entry> live = entries.get(scope).filter(e -> e.isLiveAt(now));
        if (live.isEmpty()) {
            entries.put(scope, new Entry(claim.fingerprint(), expiresAt, null));
            return new ClaimResult.Claimed();
        }
        Entry entry = live.get();
        if (!entry.fingerprint().equals(claim.fingerprint())) {
            return new ClaimResult.Mismatch();
        }
        // No outcome yet: claimed earlier in this very unit of work (the lock shuts everybody else out).
        return entry.response() == null ? new ClaimResult.Claimed() : new ClaimResult.Completed(entry.response());
    }

    @Override
    public void complete(IdempotencyClaim claim, StoredResponse response) {
        Scope scope = scopeOf(claim);
        Entry entry = entries.get(scope).orElse(null);
        if (!locks.isHeldByCurrentThread(scope) || entry == null
                || !entry.fingerprint().equals(claim.fingerprint())) {
            throw new IllegalStateException("key '" + claim.key() + "' was not claimed in this unit of work");
        }
        entries.put(scope, new Entry(entry.fingerprint(), entry.expiresAt(), response));
    }

    @Override
    public int purgeExpired(Instant now, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        var expired = entries.snapshot().entrySet().stream()
                .filter(e -> !e.getValue().isLiveAt(now))
                .sorted(Comparator.comparing((Map.Entry<Scope, Entry> e) -> e.getValue().expiresAt()))
                .limit(batchSize)
                .map(Map.Entry::getKey)
                .toList();
        expired.forEach(entries::remove);
        return expired.size();
    }

    /** How many records are committed. */
    public int size() {
        return entries.committedSize();
    }

    /** Whether a unit of work is waiting to claim this caller's key. */
    boolean hasWaiters(UserId caller, String key) {
        return locks.hasWaiters(new Scope(caller, key));
    }

    private static Scope scopeOf(IdempotencyClaim claim) {
        return new Scope(claim.caller(), claim.key());
    }
}
