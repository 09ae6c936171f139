package com.quickeats.bootstrap.e2e;

import static com.quickeats.bootstrap.e2e.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.quickeats.testing.postgres.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * A row of the error table a client cannot provoke on its own (contract §2): a request whose key is still
 * held by another is told so, after the production lock timeout, instead of waiting for it. (A database out
 * of reach is {@code QuickEatsServiceTest}'s; a bug answered as a 500 problem, {@code InProcessHttpTest}'s.)
 */
class OperationalProblemsTest extends E2eTest {

    @Test
    void aDuplicateOfARequestStillRunningIsToldItIsInProgress(TestDatabase database) throws Exception {
        Shop.Order order = shop.place();
        Object payment = Json.object("payment_method", "card", "amount", order.total());
        try (Connection holder = database.dataSource().getConnection()) {
            holder.setAutoCommit(false);
            lockTheOrderRow(holder, order.id());
            CompletableFuture<Reply> first = CompletableFuture.supplyAsync(() -> pay(order, payment));
            awaitARequestWaitingForALock(database);

            Reply duplicate = pay(order, payment);
            holder.rollback();
            Reply firstReply = first.get(30, TimeUnit.SECONDS);

            assertProblem(duplicate, 409, "request-in-progress");
            assertThat(duplicate.header("Retry-After")).matches("[0-9]+");
            assertThat(firstReply.status()).as(firstReply.toString()).isEqualTo(200);
            Reply retried = pay(order, payment);
            assertThat(retried.status()).isEqualTo(200);
            assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(retried.body()).isEqualTo(firstReply.body());
        }
    }

    private Reply pay(Shop.Order order, Object payment) {
        return api.post("/api/v2/orders/" + order.id() + "/payment").as(order.customer()).key("slow-key")
                .ifMatch(order.etag()).json(payment).send();
    }

    /** Holds the order as a slow transaction would: the first payment claims its key, then waits at the update. */
    private static void lockTheOrderRow(Connection holder, long orderId) throws SQLException {
        try (PreparedStatement lock = holder.prepareStatement("SELECT 1 FROM orders WHERE id = ? FOR UPDATE")) {
            lock.setLong(1, orderId);
            lock.executeQuery().close();
        }
    }

    private static void awaitARequestWaitingForALock(TestDatabase database) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Connection watcher = database.dataSource().getConnection();
             PreparedStatement waiting = watcher.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                     + " WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
            while (true) {
                try (ResultSet count = waiting.executeQuery()) {
                    count.next();
                    if (count.getInt(1) > 0) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the first payment never reached the locked order");
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
        }
    }
}
