package com.quickeats.bootstrap.e2e;

import static com.quickeats.bootstrap.e2e.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.quickeats.order.domain.RuleRefusalException;
import com.quickeats.order.application.IdempotentExecutor;
import com.quickeats.order.application.port.out.IdempotencyClaim;
import com.quickeats.order.application.port.out.StoredResponse;
import com.quickeats.order.domain.UserId;
import com.quickeats.testing.postgres.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The rows of the error table a client cannot provoke on its own (contract §2): a request whose key is
 * still held by another, a database out of reach, and a bug — each answered as a problem, never a hang or
 * a stack trace.
 */
class OperationalProblemsTest extends E2eTest {

    @Test
    void aDuplicateOfARequestStillRunningIsToldItIsInProgress(TestDatabase database) throws Exception {
        E2eServer.Options impatient = E2eServer.Options.standard()
                .withIdempotencyLockTimeout(Duration.ofMillis(300));
        try (E2eServer service = E2eServer.start(database, impatient)) {
            Shop.Order order = new Shop(service.api()).place();
            IdempotencyClaim held = new IdempotencyClaim(UserId.of(order.customer().sub()), "slow-key", "first");
            CountDownLatch claimed = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
                try {
                    service.useCases().idempotency().execute(held, () -> {
                        claimed.countDown();
                        await(release);
                        throw new IllegalStateException("the first request gives up; its claim rolls back");
                    }, NEVER_RENDERED);
                } catch (IllegalStateException expected) {
                    // rolled back, as intended
                }
            });
            assertThat(claimed.await(30, TimeUnit.SECONDS)).isTrue();

            Reply duplicate = service.api().post("/api/v2/orders/" + order.id() + "/payment").as(order.customer())
                    .key("slow-key").ifMatch(order.etag())
                    .json(Json.object("payment_method", "card", "amount", order.total())).send();
            release.countDown();
            first.get(30, TimeUnit.SECONDS);

            assertProblem(duplicate, 409, "request-in-progress");
            assertThat(duplicate.header("Retry-After")).matches("[0-9]+");
            Reply retried = service.api().post("/api/v2/orders/" + order.id() + "/payment").as(order.customer())
                    .key("slow-key").ifMatch(order.etag())
                    .json(Json.object("payment_method", "card", "amount", order.total())).send();
            assertThat(retried.status()).isEqualTo(200);
        }
    }

    @Test
    void anUnreachableDatabaseIsA503WithRetryAfterAndTheServiceRecovers(TestDatabase database) throws Exception {
        E2eServer.Options smallPool = E2eServer.Options.standard().withPool(2, Duration.ofMillis(400));
        try (E2eServer service = E2eServer.start(database, smallPool)) {
            Person customer = Person.customer();
            try (AutoCloseable outage = service.exhaustPool(2)) {
                Reply unavailable = service.api().get("/api/v2/orders").as(customer).send();
                assertProblem(unavailable, 503, "service-unavailable");
                assertThat(unavailable.header("Retry-After")).matches("[0-9]+");
                Reply write = service.api().post("/api/v2/orders").as(customer).key("during-outage")
                        .json(Json.object("restaurant_id", 1, "items", List.of(
                                Json.object("menu_item_id", 1, "quantity", 1)), "delivery_address", "x")).send();
                assertProblem(write, 503, "service-unavailable");
            }
            assertThat(service.api().get("/api/v2/orders").as(customer).send().status()).isEqualTo(200);
        }
    }

    @Test
    void aBugIsA500ProblemThatRevealsNothing(TestDatabase database) {
        E2eServer.Options withABug = E2eServer.Options.standard().withExtraRoutes(config ->
                config.routes.get("/bug", ctx -> {
                    throw new IllegalStateException("secret internals at com.example.Thing.java:42");
                }));
        try (E2eServer service = E2eServer.start(database, withABug)) {
            Reply bug = service.api().get("/bug").send();
            assertProblem(bug, 500, "internal");
            assertThat(bug.text()).doesNotContain("secret", "IllegalStateException");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final IdempotentExecutor.Renderer<Object> NEVER_RENDERED = new IdempotentExecutor.Renderer<>() {
        @Override
        public StoredResponse success(Object result) {
            throw new AssertionError("the held request never completes");
        }

        @Override
        public StoredResponse refusal(RuleRefusalException domainRefusal) {
            throw new AssertionError("the held request never completes");
        }
    };
}
