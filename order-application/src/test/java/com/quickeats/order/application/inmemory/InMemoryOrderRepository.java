package com.quickeats.order.application.inmemory;

import com.quickeats.order.application.port.out.DuplicateOrderException;
import com.quickeats.order.application.port.out.OrderPageRequest;
import com.quickeats.order.application.port.out.OrderRepository;
import com.quickeats.order.application.port.out.RecordedEvent;
import com.quickeats.order.application.port.out.StaleOrderException;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderId;
import com.quickeats.order.domain.UserId;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Orders in memory. {@link #update} is a compare-and-set on the version that locks the row until the unit of
 * work ends (as {@code UPDATE ... WHERE version = ?} does); {@link #add} locks the (customer, creation key)
 * being inserted, so a concurrent duplicate waits and then fails, as a unique index would make it.
 */
public final class InMemoryOrderRepository implements OrderRepository {
    private static final Duration LOCK_PATIENCE = Duration.ofSeconds(30);
    private static final Comparator<Order> NEWEST_FIRST = Comparator.comparing(Order::createdAt)
            .thenComparingLong((Order o) -> o.id().value()).reversed();

    private record CreationKey(UserId customer, String key) {
    }

    private final AtomicLong ids = new AtomicLong();
    private final TransactionalMap<OrderId, OrderRow> rows;
    private final TransactionalMap<CreationKey, OrderId> byCreationKey;
    private final KeyLocks<OrderId> rowLocks = new KeyLocks<>();
    private final KeyLocks<CreationKey> creationKeyLocks = new KeyLocks<>();
    private final InMemoryTransactions transactions;
    private final AtomicReference<Runnable> beforeNextWrite = new AtomicReference<>();

    public InMemoryOrderRepository(InMemoryTransactions transactions) {
        this.transactions = transactions;
        this.rows = new TransactionalMap<>(transactions);
        this.byCreationKey = new TransactionalMap<>(transactions);
    }

    /**
     * Runs {@code interleaving} once, at the start of the next {@link #add} or {@link #update}, before any lock
     * is taken: how a test makes another unit of work (on another thread) change the store between a use
     * case's read and its write.
     */
    public void beforeNextWrite(Runnable interleaving) {
        beforeNextWrite.set(interleaving);
    }

    @Override
    public OrderId nextId() {
        return OrderId.of(ids.incrementAndGet());
    }

    @Override
    public void add(Order order, String creationKey) {
        UnitOfWork unit = transactions.current();
        runInterleaving();
        CreationKey key = new CreationKey(order.customerId(), creationKey);
        lock(unit, creationKeyLocks, key);
        if (byCreationKey.get(key).isPresent()) {
            throw new DuplicateOrderException(order.customerId(), creationKey);
        }
        lock(unit, rowLocks, order.id());
        if (rows.get(order.id()).isPresent()) {
            throw new IllegalStateException("order " + order.id() + " is already stored");
        }
        rows.put(order.id(), OrderRow.of(order, creationKey, 0, List.of()));
        byCreationKey.put(key, order.id());
    }

    @Override
    public Optional<Order> find(OrderId id) {
        return rows.get(id).map(OrderRow::toOrder);
    }

    @Override
    public Optional<Order> findByCreationKey(UserId customer, String creationKey) {
        return byCreationKey.get(new CreationKey(customer, creationKey)).flatMap(rows::get).map(OrderRow::toOrder);
    }

    @Override
    public void update(Order order) {
        long expectedVersion = order.persistedVersion();
        UnitOfWork unit = transactions.current();
        runInterleaving();
        lock(unit, rowLocks, order.id());
        OrderRow stored = rows.get(order.id()).orElseThrow(() -> new StaleOrderException(order.id(), expectedVersion));
        if (stored.version() != expectedVersion) {
            throw new StaleOrderException(order.id(), expectedVersion);
        }
        rows.put(order.id(), OrderRow.of(order, stored.creationKey(), expectedVersion, stored.history()));
    }

    @Override
    public List<Order> page(OrderPageRequest request) {
        return rows.values().stream()
                .map(OrderRow::toOrder)
                .filter(request.scope()::includes)
                .filter(o -> request.status().map(o.status()::equals).orElse(true))
                .filter(o -> request.restaurantId().map(o.restaurantId()::equals).orElse(true))
                .filter(o -> request.after().map(after -> comesAfter(o, after)).orElse(true))
                .sorted(NEWEST_FIRST)
                .limit(request.limit())
                .toList();
    }

    @Override
    public List<RecordedEvent> history(OrderId id) {
        return rows.get(id).map(OrderRow::history).orElse(List.of());
    }

    /** How many orders are committed. */
    public int size() {
        return rows.committedSize();
    }

    /** Whether a unit of work is waiting to write this order. */
    boolean hasWaitersFor(OrderId id) {
        return rowLocks.hasWaiters(id);
    }

    private static boolean comesAfter(Order order, OrderPageRequest.Keyset keyset) {
        int byTime = order.createdAt().compareTo(keyset.createdAt());
        return byTime < 0 || (byTime == 0 && order.id().value() < keyset.id());
    }

    private void runInterleaving() {
        Runnable interleaving = beforeNextWrite.getAndSet(null);
        if (interleaving != null) {
            interleaving.run();
        }
    }

    private static <K> void lock(UnitOfWork unit, KeyLocks<K> locks, K key) {
        if (!locks.hold(unit, key, LOCK_PATIENCE)) {
            throw new IllegalStateException("waited " + LOCK_PATIENCE + " for the lock on " + key);
        }
    }
}
