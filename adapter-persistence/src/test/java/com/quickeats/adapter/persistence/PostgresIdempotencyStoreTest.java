package com.quickeats.adapter.persistence;

import static com.quickeats.adapter.persistence.JdbiOrderRepositoryTest.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quickeats.order.application.RequestInProgressException;
import com.quickeats.order.application.port.out.IdempotencyClaim;
import com.quickeats.order.application.port.out.IdempotencyStore;
import com.quickeats.order.application.port.out.IdempotencyStore.ClaimResult;
import com.quickeats.order.application.port.out.StoredResponse;
import com.quickeats.order.domain.UserId;
import com.quickeats.testing.postgres.TestDatabase;
import com.quickeats.testing.postgres.WithPostgres;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@WithPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresIdempotencyStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant TOMORROW = NOW.plus(Duration.ofHours(24));
    private static final UserId CALLER = UserId.of("customer-1");
    /** Short, so that the "holder never finishes" test is quick; long enough for every other wait here. */
    private static final Duration LOCK_TIMEOUT = Duration.ofMillis(500);

    private Store store;
    private IdempotencyStore records;
    private JdbiTransactionRunner transactions;

    @BeforeAll
    void migrate(TestDatabase database) {
        store = Store.on(database, 10, LOCK_TIMEOUT);
        records = store.adapters.idempotencyStore();
        transactions = (JdbiTransactionRunner) store.adapters.transactionRunner();
    }

    @AfterAll
    void close() {
        store.close();
    }

    @Test
    void theFirstClaimOwnsTheKeyAndARetryReplaysItsOutcomeByteForByte() {
        IdempotencyClaim claim = aClaim("POST /api/v2/orders");
        StoredResponse response = new StoredResponse(201,
                Map.of("ETag", "\"order-15-v1\"", "Location", "/api/v2/orders/15", "Content-Type", "application/json"),
                "{\"id\":15,\"delivery_address\":\"서울시 강남구\"}\u0000\u00ff".getBytes(StandardCharsets.UTF_8));

        ClaimResult first = inUnitOfWork(() -> {
            ClaimResult result = records.claim(claim, NOW, TOMORROW);
            records.complete(claim, response);
            return result;
        });
        ClaimResult retry = inUnitOfWork(() -> records.claim(claim, NOW.plusSeconds(5), TOMORROW.plusSeconds(5)));

        assertThat(first).isEqualTo(new ClaimResult.Claimed());
        assertThat(retry).isEqualTo(new ClaimResult.Completed(response));
    }

    @Test
    void theSameKeyForAnotherRequestIsAMismatch() {
        IdempotencyClaim payment = aClaim("POST /api/v2/orders/15/payment");
        complete(payment, NOW, TOMORROW);

        ClaimResult other = inUnitOfWork(() -> records.claim(
                new IdempotencyClaim(CALLER, payment.key(), "POST /api/v2/orders/16/payment"), NOW, TOMORROW));

        assertThat(other).isEqualTo(new ClaimResult.Mismatch());
    }

    @Test
    void keysBelongToTheirCaller() {
        IdempotencyClaim mine = aClaim("POST /api/v2/orders");
        complete(mine, NOW, TOMORROW);

        ClaimResult theirs = inUnitOfWork(() -> records.claim(
                new IdempotencyClaim(UserId.of("customer-2"), mine.key(), "something else"), NOW, TOMORROW));

        assertThat(theirs).isEqualTo(new ClaimResult.Claimed());
    }

    @Test
    void anExpiredRecordCountsAsAbsent() {
        IdempotencyClaim old = aClaim("POST /api/v2/orders");
        Instant expiry = NOW.plusSeconds(60);
        complete(old, NOW, expiry);
        IdempotencyClaim reuse = new IdempotencyClaim(CALLER, old.key(), "a different request");
        StoredResponse second = new StoredResponse(200, Map.of(), new byte[] {2});

        ClaimResult atExpiry = inUnitOfWork(() -> {
            ClaimResult result = records.claim(reuse, expiry, expiry.plus(Duration.ofHours(24)));
            records.complete(reuse, second);
            return result;
        });

        assertThat(atExpiry).isEqualTo(new ClaimResult.Claimed());
        assertThat(inUnitOfWork(() -> records.claim(reuse, expiry.plusSeconds(1), TOMORROW)))
                .isEqualTo(new ClaimResult.Completed(second));
    }

    @Test
    void aRecordJustBeforeItsExpiryStillCounts() {
        IdempotencyClaim claim = aClaim("POST /api/v2/orders");
        Instant expiry = NOW.plusSeconds(60);
        StoredResponse response = complete(claim, NOW, expiry);

        assertThat(inUnitOfWork(() -> records.claim(claim, expiry.minusNanos(1000), TOMORROW)))
                .isEqualTo(new ClaimResult.Completed(response));
    }

    @Test
    void aFailedUnitOfWorkLeavesTheKeyFree() {
        IdempotencyClaim claim = aClaim("POST /api/v2/orders");

        assertThatThrownBy(() -> inUnitOfWork(() -> {
            records.claim(claim, NOW, TOMORROW);
            throw new IllegalStateException("the use case failed");
        })).hasMessage("the use case failed");

        assertThat(keyCount(claim)).isZero();
        assertThat(inUnitOfWork(() -> records.claim(claim, NOW, TOMORROW))).isEqualTo(new ClaimResult.Claimed());
    }

    @Test
    void aClaimWaitsForTheHolderAndReplaysWhatItCommitted() throws Exception {
        IdempotencyClaim claim = aClaim("POST /api/v2/orders/15/payment");
        StoredResponse response = new StoredResponse(200, Map.of("ETag", "\"order-15-v2\""), new byte[] {1, 2, 3});
        HeldClaim holder = new HeldClaim(claim, result -> {
            records.complete(claim, response);
            return result;
        });

        CompletableFuture<ClaimResult> duplicate = CompletableFuture.supplyAsync(() ->
                inUnitOfWork(() -> records.claim(claim, NOW, TOMORROW)));
        LockWaits.awaitOneWaiting(store, Duration.ofSeconds(10));
        holder.release();

        assertThat(holder.outcome.get(10, TimeUnit.SECONDS)).isEqualTo(new ClaimResult.Claimed());
        assertThat(duplicate.get(10, TimeUnit.SECONDS)).isEqualTo(new ClaimResult.Completed(response));
    }

    @Test
    void aWaitingClaimGetsTheKeyWhenTheHolderRollsBack() throws Exception {
        IdempotencyClaim claim = aClaim("POST /api/v2/orders");
        HeldClaim holder = new HeldClaim(claim, result -> {
            throw new IllegalStateException("crashed");
        });

        CompletableFuture<ClaimResult> retry = CompletableFuture.supplyAsync(() ->
                inUnitOfWork(() -> records.claim(claim, NOW, TOMORROW)));
        LockWaits.awaitOneWaiting(store, Duration.ofSeconds(10));
        holder.release();

        assertThat(holder.outcome).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(IllegalStateException.class);
        assertThat(retry.get(10, TimeUnit.SECONDS)).isEqualTo(new ClaimResult.Claimed());
    }

    @Test
    void aHolderThatDoesNotFinishInTimeMakesTheClaimReportInProgressHavingWrittenNothing() throws Exception {
        IdempotencyClaim claim = aClaim("POST /api/v2/orders");
        StoredResponse response = new StoredResponse(201, Map.of(), new byte[] {7});
        HeldClaim holder = new HeldClaim(claim, result -> {
            records.complete(claim, response);
            return result;
        });

        try {
            assertThatThrownBy(() -> inUnitOfWork(() -> records.claim(claim, NOW, TOMORROW)))
                    .isInstanceOf(RequestInProgressException.class)
                    .hasMessageContaining(claim.key());
        } finally {
            holder.release();
        }
        assertThat(holder.outcome.get(10, TimeUnit.SECONDS)).isEqualTo(new ClaimResult.Claimed());
        assertThat(inUnitOfWork(() -> records.claim(claim, NOW, TOMORROW)))
                .isEqualTo(new ClaimResult.Completed(response));
    }

    /** The outbox feed's order needs an order-changing unit of work to get its transaction id only later. */
    @Test
    void aClaimAndItsLookUpAssignNoTransactionId() {
        IdempotencyClaim claim = aClaim("POST /api/v2/orders/15/acceptance");
        complete(claim, NOW, TOMORROW);

        String afterFreshClaim = inUnitOfWork(() -> {
            records.claim(aClaim("POST /api/v2/orders"), NOW, TOMORROW);
            return currentTransactionId();
        });
        String afterReplay = inUnitOfWork(() -> {
            records.claim(claim, NOW, TOMORROW);
            return currentTransactionId();
        });

        assertThat(afterFreshClaim).isNull();
        assertThat(afterReplay).isNull();
    }

    @Test
    void theLockTimeoutHoldsOnlyForTheClaim() {
        String during = inUnitOfWork(() -> {
            records.claim(aClaim("POST /api/v2/orders"), NOW, TOMORROW);
            return currentLockTimeout();
        });

        assertThat(during).isEqualTo("0");
    }

    @Test
    void claimingAgainInTheSameUnitOfWorkKeepsTheClaim() {
        IdempotencyClaim claim = aClaim("POST /api/v2/orders");

        ClaimResult again = inUnitOfWork(() -> {
            records.claim(claim, NOW, TOMORROW);
            return records.claim(claim, NOW, TOMORROW);
        });

        assertThat(again).isEqualTo(new ClaimResult.Claimed());
    }

    @Test
    void claimAndCompleteOutsideAUnitOfWorkAreRefused() {
        IdempotencyClaim claim = aClaim("POST /api/v2/orders");

        assertThatThrownBy(() -> records.claim(claim, NOW, TOMORROW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> records.complete(claim, new StoredResponse(200, Map.of(), new byte[0])))
                .isInstanceOf(IllegalStateException.class);
        assertThat(keyCount(claim)).isZero();
    }

    @Test
    void completingAKeyThatWasNotClaimedIsRefused() {
        IdempotencyClaim claim = aClaim("POST /api/v2/orders");

        assertThatThrownBy(() -> inUnitOfWork(() -> {
            records.complete(claim, new StoredResponse(200, Map.of(), new byte[0]));
            return null;
        })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void expiredRecordsArePurgedInBoundedBatchesAndLiveOnesKept() {
        store.execute("DELETE FROM idempotency_records");
        for (int i = 0; i < 25; i++) {
            complete(aClaim("expired " + i), NOW.minusSeconds(100), NOW.minusSeconds(i));
        }
        for (int i = 0; i < 5; i++) {
            complete(aClaim("live " + i), NOW, NOW.plusSeconds(1 + i));
        }

        assertThat(records.purgeExpired(NOW, 10)).isEqualTo(10);
        assertThat(records.purgeExpired(NOW, 10)).isEqualTo(10);
        assertThat(records.purgeExpired(NOW, 10)).isEqualTo(5);
        assertThat(records.purgeExpired(NOW, 10)).isZero();
        assertThat(store.count("SELECT count(*) FROM idempotency_records")).isEqualTo(5);
        assertThat(store.count("SELECT count(*) FROM idempotency_records WHERE fingerprint LIKE 'live%'"))
                .isEqualTo(5);
    }

    @Test
    void thePurgeNeverWaitsForAClaimAndAReclaimedKeyIsStoredAfresh() throws Exception {
        store.execute("DELETE FROM idempotency_records");
        IdempotencyClaim claim = aClaim("POST /api/v2/orders");
        complete(claim, NOW.minusSeconds(100), NOW.minusSeconds(10));
        complete(aClaim("another expired one"), NOW.minusSeconds(100), NOW.minusSeconds(10));
        StoredResponse response = new StoredResponse(201, Map.of(), new byte[] {9});
        HeldClaim reclaiming = new HeldClaim(claim, result -> {
            records.complete(claim, response);
            return result;
        });

        try {
            int purged = CompletableFuture.supplyAsync(() -> records.purgeExpired(NOW, 10)).get(10, TimeUnit.SECONDS);
            assertThat(purged).isEqualTo(2);
        } finally {
            reclaiming.release();
        }
        assertThat(reclaiming.outcome.get(10, TimeUnit.SECONDS)).isEqualTo(new ClaimResult.Claimed());
        assertThat(inUnitOfWork(() -> records.claim(claim, NOW, TOMORROW)))
                .isEqualTo(new ClaimResult.Completed(response));
    }

    @Test
    void anExpiredRecordIsReplacedWhenItsKeyIsClaimedAndCompletedAgain() {
        IdempotencyClaim claim = aClaim("POST /api/v2/orders");
        complete(claim, NOW.minusSeconds(100), NOW.minusSeconds(10));
        StoredResponse fresh = complete(claim, NOW, TOMORROW);

        assertThat(keyCount(claim)).isEqualTo(1);
        assertThat(inUnitOfWork(() -> records.claim(claim, NOW, TOMORROW))).isEqualTo(new ClaimResult.Completed(fresh));
    }

    @Test
    void aPurgeBatchMustHoldAtLeastOneRecord() {
        assertThatThrownBy(() -> records.purgeExpired(NOW, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private StoredResponse complete(IdempotencyClaim claim, Instant now, Instant expiresAt) {
        StoredResponse response = new StoredResponse(201, Map.of("Location", "/api/v2/orders/1"),
                claim.fingerprint().getBytes(StandardCharsets.UTF_8));
        inUnitOfWork(() -> {
            assertThat(records.claim(claim, now, expiresAt)).isEqualTo(new ClaimResult.Claimed());
            records.complete(claim, response);
            return null;
        });
        return response;
    }

    /**
     * A unit of work on another thread that has claimed the key and keeps it (uncommitted) until released;
     * then it finishes with {@code thenInTheSameUnitOfWork} and commits, or rolls back if that throws.
     */
    private final class HeldClaim {
        private final CountDownLatch released = new CountDownLatch(1);
        final CompletableFuture<ClaimResult> outcome;

        HeldClaim(IdempotencyClaim claim, java.util.function.UnaryOperator<ClaimResult> thenInTheSameUnitOfWork) {
            CountDownLatch claimed = new CountDownLatch(1);
            outcome = CompletableFuture.supplyAsync(() -> inUnitOfWork(() -> {
                ClaimResult result = records.claim(claim, NOW, TOMORROW);
                claimed.countDown();
                await(released);
                return thenInTheSameUnitOfWork.apply(result);
            }));
            await(claimed);
        }

        void release() {
            released.countDown();
        }
    }

    private <T> T inUnitOfWork(java.util.function.Supplier<T> work) {
        return transactions.inTransaction(work);
    }

    private String currentLockTimeout() {
        return transactions.withHandle(h -> h.createQuery("SELECT current_setting('lock_timeout')")
                .mapTo(String.class).one());
    }

    private String currentTransactionId() {
        return transactions.withHandle(h -> h.createQuery("SELECT pg_current_xact_id_if_assigned()::text")
                .mapTo(String.class).one());
    }

    private long keyCount(IdempotencyClaim claim) {
        return store.count("SELECT count(*) FROM idempotency_records WHERE caller = ? AND key = ?",
                claim.caller().value(), claim.key());
    }

    private static IdempotencyClaim aClaim(String fingerprint) {
        return new IdempotencyClaim(CALLER, UUID.randomUUID().toString(), fingerprint);
    }
}
