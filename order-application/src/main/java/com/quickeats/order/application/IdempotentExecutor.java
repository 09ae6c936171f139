package com.quickeats.order.application;

import com.quickeats.order.application.port.out.IdempotencyClaim;
import com.quickeats.order.application.port.out.IdempotencyStore;
import com.quickeats.order.application.port.out.IdempotencyStore.ClaimResult;
import com.quickeats.order.application.port.out.StoredResponse;
import com.quickeats.order.application.port.out.TransactionRunner;
import com.quickeats.order.domain.RuleRefusalException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a use case at most once per (caller, idempotency key), in one unit of work with the key's record:
 * claim the key (waiting for a concurrent holder), replay a completed outcome, refuse a different request
 * under the same key, or run the use case and store its outcome. A crash leaves both the state change
 * and the record, or neither.
 *
 * <p>Stored outcomes are those of requests that reached the domain: successes and the rules' refusals
 * ({@link RuleRefusalException}). Any other failure rolls the claim back with
 * everything else, so the key stays free for a corrected retry.
 */
public final class IdempotentExecutor {
    private final IdempotencyStore store;
    private final TransactionRunner transactions;
    private final Clock clock;
    private final Duration ttl;

    public IdempotentExecutor(IdempotencyStore store, TransactionRunner transactions, Clock clock, Duration ttl) {
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("the idempotency TTL must be positive, got " + ttl);
        }
        this.ttl = ttl;
    }

    /** How a use case's outcome becomes something that can be stored and replayed. */
    public interface Renderer<R> {
        StoredResponse success(R result);

        StoredResponse refusal(RuleRefusalException refusal);
    }

    /** A response, and whether it was replayed from an earlier request. */
    public record Outcome(StoredResponse response, boolean replayed) {
    }

    /**
     * @throws IdempotencyKeyReusedException when the key was used for a different request
     * @throws RequestInProgressException when a concurrent holder of the key does not finish in time
     * @throws RuntimeException whatever non-storable failure the use case threw, after rolling back
     */
    public <R> Outcome execute(IdempotencyClaim claim, Supplier<R> useCase, Renderer<R> renderer) {
        Objects.requireNonNull(renderer, "renderer");
        return transactions.inTransaction(() -> {
            Instant now = Now.of(clock);
            ClaimResult result = store.claim(claim, now, now.plus(ttl));
            if (result instanceof ClaimResult.Completed completed) {
                return new Outcome(completed.response(), true);
            }
            if (result instanceof ClaimResult.Mismatch) {
                throw new IdempotencyKeyReusedException(claim.key());
            }
            StoredResponse response = runAndRender(useCase, renderer::success, renderer);
            store.complete(claim, response);
            return new Outcome(response, false);
        });
    }

    private static <R> StoredResponse runAndRender(Supplier<R> useCase, Function<R, StoredResponse> success,
                                                   Renderer<R> renderer) {
        R result;
        try {
            result = useCase.get();
        } catch (RuleRefusalException refusal) {
            return renderer.refusal(refusal);
        }
        return success.apply(result);
    }

    /** Deletes expired records in batches of {@code batchSize}, each batch its own unit of work. */
    public int purgeExpired(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("a purge batch holds at least one record, got " + batchSize);
        }
        int total = 0;
        int deleted;
        do {
            Instant now = Now.of(clock);
            deleted = transactions.inTransaction(() -> store.purgeExpired(now, batchSize));
            total += deleted;
        } while (deleted == batchSize);
        return total;
    }
}
