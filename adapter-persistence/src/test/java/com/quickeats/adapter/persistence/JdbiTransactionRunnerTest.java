package com.quickeats.adapter.persistence;

import static com.quickeats.adapter.persistence.JdbiOrderRepositoryTest.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quickeats.order.application.port.out.RestaurantCatalog;
import com.quickeats.order.application.port.out.StorageUnavailableException;
import com.quickeats.order.application.port.out.TransactionRunner;
import com.quickeats.order.domain.Restaurant;
import com.quickeats.order.domain.RestaurantId;
import com.quickeats.order.domain.UserId;
import com.quickeats.testing.postgres.TestDatabase;
import com.quickeats.testing.postgres.WithPostgres;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.ds.PGSimpleDataSource;

@WithPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbiTransactionRunnerTest {
    private Store store;
    private TransactionRunner transactions;
    private RestaurantCatalog catalog;

    @BeforeAll
    void migrate(TestDatabase database) {
        store = Store.on(database);
        transactions = store.adapters.transactionRunner();
        catalog = store.adapters.restaurantCatalog();
    }

    @AfterAll
    void close() {
        store.close();
    }

    @Test
    void aNestedUnitOfWorkJoinsTheOuterOneAndOnlyTheOuterOneCommits() {
        Restaurant restaurant = aRestaurant();

        boolean visibleOutsideBeforeOuterReturned = transactions.inTransaction(() -> {
            transactions.inTransaction(() -> {
                catalog.add(restaurant);
                return null;
            });
            assertThat(catalog.find(restaurant.id())).as("seen inside the unit of work").isPresent();
            return isCommitted(restaurant.id());
        });

        assertThat(visibleOutsideBeforeOuterReturned).isFalse();
        assertThat(isCommitted(restaurant.id())).isTrue();
    }

    @Test
    void aFailureAnywhereRollsBackEverythingTheUnitOfWorkDid() {
        Restaurant outer = aRestaurant();
        Restaurant inner = aRestaurant();

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            catalog.add(outer);
            transactions.inTransaction(() -> {
                catalog.add(inner);
                return null;
            });
            throw new IllegalStateException("a use case failed after both writes");
        })).hasMessage("a use case failed after both writes");

        assertThat(isCommitted(outer.id())).isFalse();
        assertThat(isCommitted(inner.id())).isFalse();
    }

    @Test
    void aFailureInANestedUnitOfWorkRollsBackTheOuterOneToo() {
        Restaurant outer = aRestaurant();

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            catalog.add(outer);
            return transactions.inTransaction(() -> {
                throw new IllegalArgumentException("inner failure");
            });
        })).isInstanceOf(IllegalArgumentException.class);

        assertThat(isCommitted(outer.id())).isFalse();
    }

    @Test
    void eachThreadHasItsOwnUnitOfWork() throws Exception {
        Restaurant mine = aRestaurant();
        CountDownLatch added = new CountDownLatch(1);
        CountDownLatch checked = new CountDownLatch(1);
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> transactions.inTransaction(() -> {
            catalog.add(mine);
            added.countDown();
            await(checked);
            throw new IllegalStateException("rolled back");
        }));
        await(added);

        boolean seenByAnotherThread = CompletableFuture.supplyAsync(() -> transactions.inTransaction(
                () -> catalog.find(mine.id()).isPresent())).get(10, TimeUnit.SECONDS);
        checked.countDown();

        assertThat(seenByAnotherThread).isFalse();
        assertThat(other).failsWithin(java.time.Duration.ofSeconds(10));
        assertThat(isCommitted(mine.id())).isFalse();
    }

    @Test
    void aWriteHeldForTheCommitRunsFirstWhenSomethingElseComesAfterIt() {
        Restaurant restaurant = aRestaurant();

        boolean seenByTheNextStatement = transactions.inTransaction(() -> {
            runner().writeAtCommit(JdbiTransactionRunner.FinalWrite.of(
                            "INSERT INTO restaurants (id, name, owner_id) VALUES (:id, 'held back', 'o')"),
                    insert -> insert.setLong("id", restaurant.id().value()));
            return catalog.find(restaurant.id()).isPresent();
        });

        assertThat(seenByTheNextStatement).isTrue();
        assertThat(isCommitted(restaurant.id())).isTrue();
    }

    @Test
    void aWriteHeldForTheCommitThatFailsRollsBackTheWholeUnitOfWork() {
        Restaurant restaurant = aRestaurant();

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            catalog.add(restaurant);
            runner().writeAtCommit(JdbiTransactionRunner.FinalWrite.of(
                            "INSERT INTO restaurants (id, name, owner_id) VALUES (:id, 'twice', 'o')"),
                    insert -> insert.setLong("id", restaurant.id().value()));
            return null;
        })).satisfies(failure -> assertThat(PostgresErrors.hasState(failure, PostgresErrors.UNIQUE_VIOLATION))
                .as("the held-back insert hit the restaurant's key").isTrue());

        assertThat(isCommitted(restaurant.id())).as("the COMMIT sent with the failed write was skipped").isFalse();
        assertThat(transactions.inTransaction(() -> catalog.list())).as("the connection is usable again").isNotNull();
    }

    @Test
    void outsideAUnitOfWorkAReadUsesAShortHandleOfItsOwn() {
        Restaurant restaurant = aRestaurant();
        catalog.add(restaurant);

        assertThat(catalog.find(restaurant.id())).contains(restaurant);
        assertThat(((JdbiTransactionRunner) transactions).isInUnitOfWork()).isFalse();
    }

    @Test
    void anUnreachableDatabaseIsReportedUnavailable() throws IOException {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setURL("jdbc:postgresql://127.0.0.1:" + freePort() + "/quickeats?connectTimeout=2");
        PersistenceAdapters adapters = PersistenceAdapters.create(nowhere, new MinimalPayloads());

        assertThatThrownBy(() -> adapters.transactionRunner().inTransaction(() -> 1))
                .isInstanceOf(StorageUnavailableException.class);
        assertThatThrownBy(() -> adapters.orderRepository().nextId())
                .isInstanceOf(StorageUnavailableException.class);
        assertThatThrownBy(() -> PersistenceAdapters.migrate(nowhere))
                .isInstanceOf(StorageUnavailableException.class);
        assertThat(adapters.isHealthy()).isFalse();
        assertThat(store.adapters.isHealthy()).isTrue();
    }

    @Test
    void aPoolWithNoFreeConnectionInTimeIsReportedUnavailable(TestDatabase database) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.user());
        config.setPassword(database.password());
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(250);
        try (HikariDataSource onlyOne = new HikariDataSource(config)) {
            PersistenceAdapters adapters = PersistenceAdapters.create(onlyOne, new MinimalPayloads());
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(1);
            CompletableFuture<Integer> holder = CompletableFuture.supplyAsync(() ->
                    adapters.transactionRunner().inTransaction(() -> {
                        holding.countDown();
                        await(done);
                        return 1;
                    }));
            await(holding);

            try {
                assertThatThrownBy(() -> adapters.transactionRunner().inTransaction(() -> 2))
                        .isInstanceOf(StorageUnavailableException.class);
            } finally {
                done.countDown();
            }
            assertThat(holder.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(adapters.transactionRunner().inTransaction(() -> 3)).as("recovers by itself").isEqualTo(3);
        }
    }

    @Test
    void aConnectionLostInTheMiddleOfAUnitOfWorkIsReportedUnavailable() {
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            int pid = ((JdbiTransactionRunner) transactions).withHandle(h ->
                    h.createQuery("SELECT pg_backend_pid()").mapTo(Integer.class).one());
            store.count("SELECT count(*) FROM (SELECT pg_terminate_backend(?)) t", pid);
            return catalog.list();
        })).isInstanceOf(StorageUnavailableException.class);

        assertThat(transactions.inTransaction(() -> catalog.list())).as("the next unit of work gets a good connection")
                .isNotNull();
    }

    private JdbiTransactionRunner runner() {
        return (JdbiTransactionRunner) transactions;
    }

    private Restaurant aRestaurant() {
        return Restaurant.register(catalog.nextRestaurantId(), "트랜잭션 식당", UserId.of("owner-tx"));
    }

    /** Looks from outside every unit of work, on a connection of its own. */
    private boolean isCommitted(RestaurantId id) {
        return store.count("SELECT count(*) FROM restaurants WHERE id = ?", id.value()) == 1;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
