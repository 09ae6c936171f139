package com.quickeats.order.application.port.out;

import java.time.Instant;

/**
 * Remembers the outcome of requests by (caller, key). Must be used inside a unit of work: the claim and
 * the outcome commit with the state change they describe, or not at all.
 */
public interface IdempotencyStore {

    /**
     * Atomically claims the key for this request, with no check-then-act gap: if another unit of work holds
     * an uncommitted claim on the same key, this call waits for it to finish. A record whose
     * {@code expiresAt} has passed counts as absent. A key this same unit of work already claimed and has not
     * completed is {@link ClaimResult.Claimed} again.
     *
     * @return {@link ClaimResult.Claimed} when this request now owns the key, {@link ClaimResult.Completed}
     *     with the stored outcome of an earlier request with the same fingerprint, or
     *     {@link ClaimResult.Mismatch} when the key was used for a different request
     * @throws com.quickeats.order.application.RequestInProgressException when the other holder does not finish
     *     in reasonable time
     */
    ClaimResult claim(IdempotencyClaim claim, Instant now, Instant expiresAt);

    /** Records the outcome of a request that claimed the key in this unit of work. */
    void complete(IdempotencyClaim claim, StoredResponse response);

    /** Deletes at most {@code batchSize} records that expired before {@code now}; returns how many. */
    int purgeExpired(Instant now, int batchSize);

    /** What {@link #claim} found. */
    sealed interface ClaimResult {
        record Claimed() implements ClaimResult {
        }

        record Completed(StoredResponse response) implements ClaimResult {
        }

        record Mismatch() implements ClaimResult {
        }
    }
}
