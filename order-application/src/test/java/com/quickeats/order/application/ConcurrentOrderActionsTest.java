package com.quickeats.order.application;

import static com.quickeats.order.application.TestWorld.CUSTOMER;
import static com.quickeats.order.application.TestWorld.OWNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quickeats.order.application.port.in.Precondition;
import com.quickeats.order.domain.InvalidStateTransitionException;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderAction;
import com.quickeats.order.domain.OrderStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The version check and the write are one step: a write based on a version somebody else has moved past is
 * refused, never lost, and {@code If-Match: *} simply tries again on what is there now.
 */
class ConcurrentOrderActionsTest {
    private final TestWorld world = new TestWorld();

    @Test
    void anActionThatLosesARaceUnderAGivenVersionFailsWithTheNewVersionAndChangesNothing() {
        Order order = world.orderIn(OrderStatus.PENDING_PAYMENT);
        world.meanwhile(() -> world.act(CUSTOMER, OrderAction.PAYMENT, order));

        assertThatThrownBy(() -> world.act(CUSTOMER, OrderAction.CANCELLATION, order, Precondition.version(1)))
                .isInstanceOfSatisfying(PreconditionFailedException.class,
                        e -> assertThat(e.currentVersion()).isEqualTo(2));

        Order stored = world.reload(order);
        assertThat(stored.status()).isEqualTo(OrderStatus.PENDING_ACCEPTANCE);
        assertThat(stored.cancellation()).isEmpty();
        assertThat(world.app.orderQueries().history(CUSTOMER, order.id())).hasSize(2);
    }

    @Test
    void anyVersionTriesAgainOnTheFreshState() {
        Order order = world.orderIn(OrderStatus.PENDING_PAYMENT);
        world.meanwhile(() -> world.act(CUSTOMER, OrderAction.PAYMENT, order));

        Order cancelled = world.act(CUSTOMER, OrderAction.CANCELLATION, order, new Precondition.AnyVersion());

        assertThat(cancelled.version()).isEqualTo(3);
        assertThat(cancelled.cancellation()).hasValueSatisfying(c -> assertThat(c.refundDue()).isTrue());
        assertThat(world.app.orderQueries().history(CUSTOMER, order.id()))
                .extracting(e -> e.type()).containsExactly("order_placed", "order_paid", "order_cancelled");
    }

    @Test
    void anyVersionTryingAgainStillAnswersToTheStateMachine() {
        Order order = world.orderIn(OrderStatus.PENDING_ACCEPTANCE);
        world.meanwhile(() -> world.act(CUSTOMER, OrderAction.CANCELLATION, order));

        assertThatThrownBy(() -> world.act(OWNER, OrderAction.ACCEPTANCE, order, new Precondition.AnyVersion()))
                .isInstanceOfSatisfying(InvalidStateTransitionException.class,
                        e -> assertThat(e.currentStatus()).isEqualTo(OrderStatus.CANCELLED));
        assertThat(world.reload(order).version()).isEqualTo(3);
    }

    @Test
    void ofManyConcurrentActionsUnderTheSameVersionExactlyOneSucceeds() throws Exception {
        int contenders = 8;
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        try {
            for (int round = 0; round < 25; round++) {
                Order order = world.orderIn(OrderStatus.PENDING_ACCEPTANCE);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Order>> attempts = new ArrayList<>();
                for (int i = 0; i < contenders; i++) {
                    attempts.add(pool.submit(() -> {
                        start.await();
                        return world.act(OWNER, OrderAction.ACCEPTANCE, order);
                    }));
                }
                start.countDown();

                int succeeded = 0;
                for (Future<Order> attempt : attempts) {
                    try {
                        attempt.get(30, TimeUnit.SECONDS);
                        succeeded++;
                    } catch (ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOfSatisfying(PreconditionFailedException.class,
                                refused -> assertThat(refused.currentVersion()).isEqualTo(3));
                    }
                }
                assertThat(succeeded).as("round %d", round).isEqualTo(1);
                assertThat(world.reload(order).version()).isEqualTo(3);
                assertThat(world.app.orderQueries().history(OWNER, order.id())).hasSize(3);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
