package com.quickeats.order.application.inmemory;

import static com.quickeats.order.application.inmemory.Fixtures.CUSTOMER;
import static com.quickeats.order.application.inmemory.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quickeats.order.application.port.out.DuplicateOrderException;
import com.quickeats.order.application.port.out.OrderPageRequest;
import com.quickeats.order.application.port.out.OrderPageRequest.Keyset;
import com.quickeats.order.application.port.out.RecordedEvent;
import com.quickeats.order.application.port.out.StaleOrderException;
import com.quickeats.order.domain.CancelledBy;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderStatus;
import com.quickeats.order.domain.PaymentMethod;
import com.quickeats.order.domain.Restaurant;
import com.quickeats.order.domain.UserId;
import com.quickeats.order.domain.VisibilityScope;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class InMemoryOrderRepositoryTest {
    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryRestaurantCatalog catalog = new InMemoryRestaurantCatalog(transactions);
    private final InMemoryOrderRepository orders = new InMemoryOrderRepository(transactions);
    private final Restaurant mine = Fixtures.restaurant(1, "owner-1");
    private final Restaurant theirs = Fixtures.restaurant(2, "owner-2");

    InMemoryOrderRepositoryTest() {
        inTx(() -> {
            catalog.add(mine);
            catalog.add(theirs);
            return null;
        });
    }

    private <T> T inTx(Supplier<T> work) {
        return transactions.inTransaction(work);
    }

    private Order stored(long id, Restaurant restaurant, UserId customer, int minutes) {
        Order order = Fixtures.order(id, restaurant, customer, T0.plusSeconds(60L * minutes));
        inTx(() -> {
            orders.add(order, "key-" + id);
            return null;
        });
        return inTx(() -> orders.find(order.id())).orElseThrow();
    }

    private Order paid(Order loaded) {
        loaded.pay(PaymentMethod.CARD, loaded.total(), loaded.customerId(), T0.plusSeconds(3600));
        return loaded;
    }

    @Test
    void anUpdateBasedOnAnOutdatedVersionIsStaleAndWritesNothing() {
        Order first = stored(1, mine, CUSTOMER, 0);
        Order second = inTx(() -> orders.find(first.id())).orElseThrow();
        inTx(() -> {
            orders.update(paid(first));
            return null;
        });

        assertThatThrownBy(() -> inTx(() -> {
            second.cancel(null, CancelledBy.CUSTOMER, CUSTOMER, T0);
            orders.update(second);
            return null;
        })).isInstanceOf(StaleOrderException.class);

        Order now = inTx(() -> orders.find(first.id())).orElseThrow();
        assertThat(now.status()).isEqualTo(OrderStatus.PENDING_ACCEPTANCE);
        assertThat(inTx(() -> orders.history(first.id()))).extracting(RecordedEvent::type)
                .containsExactly("order_placed", "order_paid");
    }

    @Test
    void aConcurrentWriterOfTheSameOrderWaitsForTheFirstAndThenFindsItStale() throws Exception {
        Order order = stored(1, mine, CUSTOMER, 0);
        Order copy = inTx(() -> orders.find(order.id())).orElseThrow();
        CountDownLatch firstHasWritten = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> inTx(() -> {
            orders.update(paid(order));
            firstHasWritten.countDown();
            Await.await(mayCommit, "the test lets the first writer commit");
            return null;
        }));
        Await.await(firstHasWritten, "the first writer has written");
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> inTx(() -> {
            orders.update(paid(copy));
            return null;
        }));

        Await.until(() -> orders.hasWaitersFor(order.id()), "the second writer waits for the row");
        assertThat(second).isNotDone();
        mayCommit.countDown();

        first.get(30, TimeUnit.SECONDS);
        assertThatThrownBy(() -> second.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(StaleOrderException.class);
        assertThat(inTx(() -> orders.history(order.id()))).hasSize(2);
    }

    @Test
    void aCustomerCannotStoreTwoOrdersUnderOneCreationKey() {
        stored(1, mine, CUSTOMER, 0);
        Order again = Fixtures.order(2, mine, CUSTOMER, T0);

        assertThatThrownBy(() -> inTx(() -> {
            orders.add(again, "key-1");
            return null;
        })).isInstanceOf(DuplicateOrderException.class);
        inTx(() -> {
            orders.add(Fixtures.order(3, mine, UserId.of("customer-2"), T0), "key-1");
            return null;
        });

        assertThat(inTx(() -> orders.findByCreationKey(CUSTOMER, "key-1"))).map(o -> o.id().value()).contains(1L);
        assertThat(orders.size()).isEqualTo(2);
    }

    @Test
    void aCopyAtAVersionTheStoreNeverReachedIsStaleAndWritesNothing() {
        Order order = stored(1, mine, CUSTOMER, 0);
        Order withoutEvents = Order.rehydrate(order.id(), order.customerId(), order.restaurantId(),
                order.restaurantOwnerId(), order.lines(), order.deliveryAddress(), OrderStatus.PENDING_ACCEPTANCE, 2,
                null, null, null, order.createdAt(), order.updatedAt());

        assertThatThrownBy(() -> inTx(() -> {
            orders.update(withoutEvents);
            return null;
        })).isInstanceOf(StaleOrderException.class);
        assertThat(inTx(() -> orders.find(order.id()))).hasValueSatisfying(o -> assertThat(o.version()).isEqualTo(1));
    }

    @Test
    void aPageHonoursTheScopeTheFiltersTheKeysetAndTheLimit() {
        stored(1, mine, CUSTOMER, 1);
        stored(2, theirs, CUSTOMER, 2);
        Order c = stored(3, mine, UserId.of("customer-2"), 2);
        Order d = stored(4, mine, CUSTOMER, 3);

        assertThat(page(new VisibilityScope.Everything(), Optional.empty(), 10)).containsExactly(4L, 3L, 2L, 1L);
        assertThat(page(new VisibilityScope.PlacedBy(CUSTOMER), Optional.empty(), 10)).containsExactly(4L, 2L, 1L);
        assertThat(page(new VisibilityScope.ForRestaurantsOf(UserId.of("owner-2")), Optional.empty(), 10))
                .containsExactly(2L);
        assertThat(page(new VisibilityScope.RiddenByOrAwaitingPickup(UserId.of("rider-1")), Optional.empty(), 10))
                .isEmpty();
        assertThat(page(new VisibilityScope.Everything(), Optional.of(new Keyset(c.createdAt(), 3)), 10))
                .containsExactly(2L, 1L);
        assertThat(page(new VisibilityScope.Everything(), Optional.of(new Keyset(d.createdAt(), 4)), 2))
                .containsExactly(3L, 2L);
        assertThat(inTx(() -> orders.page(new OrderPageRequest(new VisibilityScope.Everything(), Optional.empty(),
                Optional.of(mine.id()), Optional.empty(), 10)))).extracting(o -> o.id().value())
                .containsExactly(4L, 3L, 1L);
    }

    private List<Long> page(VisibilityScope scope, Optional<Keyset> after, int limit) {
        return inTx(() -> orders.page(new OrderPageRequest(scope, Optional.empty(), Optional.empty(), after, limit)))
                .stream().map(o -> o.id().value()).toList();
    }
}
