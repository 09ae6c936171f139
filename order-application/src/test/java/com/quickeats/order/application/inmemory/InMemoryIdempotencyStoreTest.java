package com.quickeats.order.application.inmemory;

import static com.quickeats.order.application.inmemory.Fixtures.CUSTOMER;
import static com.quickeats.order.application.inmemory.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quickeats.order.application.RequestInProgressException;
import com.quickeats.order.application.port.out.IdempotencyClaim;
import com.quickeats.order.application.port.out.IdempotencyStore.ClaimResult;
import com.quickeats.order.application.port.out.StoredResponse;
import com.quickeats.order.domain.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class InMemoryIdempotencyStoreTest {
    private static final Instant EXPIRES = T0.plus(Duration.ofHours(24));
    private static final StoredResponse OK = new StoredResponse(200, Map.of("ETag", "\"order-1-v2\""), new byte[] {1});

    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore(transactions);
    private final IdempotencyClaim claim = new IdempotencyClaim(CUSTOMER, "k1", "A");

    private <T> T inTx(Supplier<T> work) {
        return transactions.inTransaction(work);
    }

    private ClaimResult claimAt(IdempotencyClaim c, Instant now) {
        return inTx(() -> store.claim(c, now, now.plus(Duration.ofHours(24))));
    }

    private void completed(IdempotencyClaim c, Instant now) {
        inTx(() -> {
            store.claim(c, now, now.plus(Duration.ofHours(24)));
            store.complete(c, OK);
            return null;
        });
    }

    /** The first unit of work claims the key, then holds it open until {@code finish} is released. */
    private CompletableFuture<Void> holdingTheKey(InMemoryIdempotencyStore in, CountDownLatch claimed,
                                                  CountDownLatch finish, boolean commit) {
        return CompletableFuture.runAsync(() -> inTx(() -> {
            in.claim(claim, T0, EXPIRES);
            in.complete(claim, OK);
            claimed.countDown();
            Await.await(finish, "the test lets the first unit of work finish");
            if (!commit) {
                throw new IllegalStateException("rolled back");
            }
            return null;
        }));
    }

    private ClaimResult secondClaimWhileTheFirstIsOpen(boolean firstCommits) throws Exception {
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Void> first = holdingTheKey(store, claimed, finish, firstCommits);
        Await.await(claimed, "the first unit of work has claimed the key");
        CompletableFuture<ClaimResult> second = CompletableFuture.supplyAsync(() -> claimAt(claim, T0));

        Await.until(() -> store.hasWaiters(CUSTOMER, "k1"), "the second claimer waits for the key");
        assertThat(second).isNotDone();
        finish.countDown();
        first.handle((ok, failure) -> null).get(30, TimeUnit.SECONDS);
        return second.get(30, TimeUnit.SECONDS);
    }

    @Test
    void aConcurrentClaimerWaitsForTheFirstAndThenSeesItsOutcome() throws Exception {
        assertThat(secondClaimWhileTheFirstIsOpen(true)).isEqualTo(new ClaimResult.Completed(OK));
    }

    @Test
    void aConcurrentClaimerWaitsForTheFirstAndGetsTheKeyWhenItRollsBack() throws Exception {
        assertThat(secondClaimWhileTheFirstIsOpen(false)).isInstanceOf(ClaimResult.Claimed.class);
    }

    @Test
    void aClaimerThatWaitsTooLongIsToldTheRequestIsInProgress() throws Exception {
        InMemoryIdempotencyStore impatient = new InMemoryIdempotencyStore(transactions, Duration.ofMillis(20));
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Void> first = holdingTheKey(impatient, claimed, finish, true);
        Await.await(claimed, "the first unit of work has claimed the key");

        CompletableFuture<ClaimResult> second = CompletableFuture.supplyAsync(
                () -> inTx(() -> impatient.claim(claim, T0, EXPIRES)));

        assertThatThrownBy(() -> second.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(RequestInProgressException.class);
        finish.countDown();
        first.get(30, TimeUnit.SECONDS);
    }

    @Test
    void aKeyUsedForAnotherRequestIsAMismatchAndAnotherCallersKeyIsItsOwn() {
        completed(claim, T0);

        assertThat(claimAt(new IdempotencyClaim(CUSTOMER, "k1", "B"), T0)).isInstanceOf(ClaimResult.Mismatch.class);
        assertThat(claimAt(new IdempotencyClaim(UserId.of("customer-2"), "k1", "B"), T0))
                .isInstanceOf(ClaimResult.Claimed.class);
    }

    @Test
    void anExpiredRecordCountsAsAbsent() {
        IdempotencyClaim other = new IdempotencyClaim(CUSTOMER, "k2", "A");
        completed(claim, T0);
        completed(other, T0);

        assertThat(claimAt(claim, T0.plus(Duration.ofHours(24)).minusNanos(1000)))
                .isEqualTo(new ClaimResult.Completed(OK));
        assertThat(claimAt(claim, T0.plus(Duration.ofHours(24)))).isInstanceOf(ClaimResult.Claimed.class);
        assertThat(claimAt(new IdempotencyClaim(CUSTOMER, "k2", "B"), T0.plus(Duration.ofHours(25))))
                .isInstanceOf(ClaimResult.Claimed.class);
    }

    @Test
    void onlyAClaimOfThisUnitOfWorkCanBeCompleted() {
        assertThatThrownBy(() -> inTx(() -> {
            store.complete(claim, OK);
            return null;
        })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void purgingDeletesAtMostABatchOfExpiredRecords() {
        for (int i = 0; i < 5; i++) {
            completed(new IdempotencyClaim(CUSTOMER, "old-" + i, "A"), T0);
        }
        completed(new IdempotencyClaim(CUSTOMER, "young", "A"), T0.plus(Duration.ofHours(2)));
        Instant later = T0.plus(Duration.ofHours(25));

        assertThat(inTx(() -> store.purgeExpired(later, 3))).isEqualTo(3);
        assertThat(inTx(() -> store.purgeExpired(later, 3))).isEqualTo(2);
        assertThat(inTx(() -> store.purgeExpired(later, 3))).isZero();
        assertThat(store.size()).isEqualTo(1);
    }
}
