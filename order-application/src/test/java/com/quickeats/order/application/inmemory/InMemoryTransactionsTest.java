package com.quickeats.order.application.inmemory;

import static com.quickeats.order.application.inmemory.Fixtures.CUSTOMER;
import static com.quickeats.order.application.inmemory.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quickeats.order.application.port.out.IdempotencyClaim;
import com.quickeats.order.application.port.out.IdempotencyStore.ClaimResult;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderId;
import com.quickeats.order.domain.Restaurant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class InMemoryTransactionsTest {
    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryRestaurantCatalog catalog = new InMemoryRestaurantCatalog(transactions);
    private final InMemoryOrderRepository orders = new InMemoryOrderRepository(transactions);
    private final InMemoryIdempotencyStore idempotency = new InMemoryIdempotencyStore(transactions);
    private final Restaurant restaurant = Fixtures.restaurant(1, "owner-1");

    private Optional<Order> findElsewhere(OrderId id) {
        return CompletableFuture.supplyAsync(() -> transactions.inTransaction(() -> orders.find(id))).join();
    }

    @Test
    void writesAreSeenByTheirOwnUnitOfWorkAndByOthersOnlyOnceItCommits() {
        Order order = Fixtures.order(1, restaurant, CUSTOMER, T0);

        transactions.inTransaction(() -> {
            catalog.add(restaurant);
            orders.add(order, "k1");
            assertThat(orders.find(order.id())).isPresent();
            assertThat(findElsewhere(order.id())).isEmpty();
            return null;
        });

        assertThat(findElsewhere(order.id())).isPresent();
    }

    @Test
    void aUnitOfWorkThatThrowsLeavesNoTraceInAnyStoreAndReleasesItsLocks() {
        IdempotencyClaim claim = new IdempotencyClaim(CUSTOMER, "k1", "A");
        RuntimeException crash = new IllegalStateException("crash");

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            catalog.add(restaurant);
            orders.add(Fixtures.order(1, restaurant, CUSTOMER, T0), "k1");
            idempotency.claim(claim, T0, T0.plusSeconds(60));
            throw crash;
        })).isSameAs(crash);

        assertThat(orders.size()).isZero();
        assertThat(idempotency.size()).isZero();
        assertThat(transactions.inTransaction(() -> catalog.find(restaurant.id()))).isEmpty();
        ClaimResult again = CompletableFuture.supplyAsync(() -> transactions.inTransaction(
                () -> idempotency.claim(claim, T0, T0.plusSeconds(60)))).join();
        assertThat(again).isInstanceOf(ClaimResult.Claimed.class);
        assertThat(transactions.rollbacks()).isEqualTo(1);
    }

    @Test
    void aNestedCallJoinsTheOpenUnitOfWorkWhichAloneCommits() {
        transactions.inTransaction(() -> {
            catalog.add(restaurant);
            transactions.inTransaction(() -> {
                orders.add(Fixtures.order(1, restaurant, CUSTOMER, T0), "k1");
                return null;
            });
            assertThat(orders.size()).isZero();
            return null;
        });

        assertThat(orders.size()).isEqualTo(1);
        assertThat(transactions.commits()).isEqualTo(1);
    }

    @Test
    void aNestedFailureRollsBackNothingUntilItReachesTheOutermostCall() {
        transactions.inTransaction(() -> {
            catalog.add(restaurant);
            try {
                transactions.inTransaction(() -> {
                    orders.add(Fixtures.order(1, restaurant, CUSTOMER, T0), "k1");
                    throw new IllegalStateException("inner");
                });
            } catch (IllegalStateException handled) {
                // the outer unit of work decides
            }
            return null;
        });

        assertThat(orders.size()).isEqualTo(1);
        assertThat(transactions.rollbacks()).isZero();
    }

    @Test
    void theStoresRefuseToBeUsedOutsideAUnitOfWork() {
        assertThat(transactions.isOpen()).isFalse();
        assertThatThrownBy(() -> orders.find(OrderId.of(1))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> catalog.find(restaurant.id())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> idempotency.purgeExpired(T0, 10)).isInstanceOf(IllegalStateException.class);
    }
}
