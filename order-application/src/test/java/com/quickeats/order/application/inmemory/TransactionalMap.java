package com.quickeats.order.application.inmemory;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A map of immutable values whose writes are buffered in the current unit of work: the unit sees its own
 * writes, everybody else sees only committed ones (like READ COMMITTED).
 */
final class TransactionalMap<K, V> {
    private final InMemoryTransactions transactions;
    private final Map<K, V> committed = new ConcurrentHashMap<>();

    TransactionalMap(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    Optional<V> get(K key) {
        Optional<V> written = writes().get(key);
        return written != null ? written : Optional.ofNullable(committed.get(key));
    }

    void put(K key, V value) {
        writes().put(key, Optional.of(value));
    }

    void remove(K key) {
        writes().put(key, Optional.empty());
    }

    /** Everything this unit of work sees. */
    Map<K, V> snapshot() {
        Map<K, V> seen = new HashMap<>(committed);
        writes().forEach((key, value) -> value.ifPresentOrElse(v -> seen.put(key, v), () -> seen.remove(key)));
        return seen;
    }

    List<V> values() {
        return List.copyOf(snapshot().values());
    }

    /** How many entries are committed; readable outside a unit of work. */
    int committedSize() {
        return committed.size();
    }

    private Map<K, Optional<V>> writes() {
        return transactions.current().buffer(this, LinkedHashMap::new, this::apply);
    }

    private void apply(Map<K, Optional<V>> writes) {
        writes.forEach((key, value) -> value.ifPresentOrElse(v -> committed.put(key, v), () -> committed.remove(key)));
    }
}
