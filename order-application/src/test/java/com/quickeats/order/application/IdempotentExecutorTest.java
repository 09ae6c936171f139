package com.quickeats.order.application;

import static com.quickeats.order.application.TestWorld.CUSTOMER;
import static com.quickeats.order.application.TestWorld.OTHER_CUSTOMER;
import static com.quickeats.order.application.TestRenderer.bodyOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quickeats.order.application.IdempotentExecutor.Outcome;
import com.quickeats.order.application.port.in.PayOrderCommand;
import com.quickeats.order.application.port.in.Precondition;
import com.quickeats.order.application.port.out.IdempotencyClaim;
import com.quickeats.order.domain.ActionNotPermittedException;
import com.quickeats.order.domain.InvalidInputException;
import com.quickeats.order.domain.Money;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderId;
import com.quickeats.order.domain.OrderStatus;
import com.quickeats.order.domain.PaymentMethod;
import com.quickeats.order.domain.Restaurant;
import com.quickeats.order.domain.UserId;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A request runs at most once per caller and key; what reached the domain is remembered, nothing else is. */
class IdempotentExecutorTest {
    private static final String PAYMENT = "POST /api/v2/orders/1/payment sha256:aaa";
    private static final String OTHER_BODY = "POST /api/v2/orders/1/payment sha256:bbb";

    private final TestWorld world = new TestWorld();
    private final IdempotentExecutor executor = world.app.idempotency();
    private final AtomicInteger runs = new AtomicInteger();

    private static IdempotencyClaim claim(UserId caller, String key, String fingerprint) {
        return new IdempotencyClaim(caller, key, fingerprint);
    }

    /** A use case whose every run answers something no other run answers. */
    private Outcome runCounted(IdempotencyClaim claim) {
        return executor.execute(claim, () -> {
            runs.incrementAndGet();
            return UUID.randomUUID().toString();
        }, TestRenderer.text());
    }

    private Outcome pay(IdempotencyClaim claim, PayOrderCommand command) {
        return executor.execute(claim, () -> {
            runs.incrementAndGet();
            return world.app.orderActions().pay(CUSTOMER, command);
        }, TestRenderer.orders());
    }

    @Test
    void aRetryReplaysTheIdenticalResponseWithoutRunningTheUseCaseAgain() {
        Outcome first = runCounted(claim(CUSTOMER.id(), "k1", PAYMENT));
        Outcome retry = runCounted(claim(CUSTOMER.id(), "k1", PAYMENT));

        assertThat(first.replayed()).isFalse();
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.response()).isEqualTo(first.response());
        assertThat(bodyOf(retry.response())).isEqualTo(bodyOf(first.response()));
        assertThat(runs).hasValue(1);
    }

    @Test
    void aRetryOfASucceededPaymentReplaysEvenThoughTheVersionMovedOn() {
        Order order = world.orderIn(OrderStatus.PENDING_PAYMENT);
        Outcome paid = pay(claim(CUSTOMER.id(), "k1", PAYMENT), TestWorld.payment(order));
        world.walk(world.reload(order), OrderStatus.PREPARING, TestWorld.OWNER);

        Outcome retry = pay(claim(CUSTOMER.id(), "k1", PAYMENT), TestWorld.payment(order));

        assertThat(retry.replayed()).isTrue();
        assertThat(retry.response()).isEqualTo(paid.response());
        assertThat(runs).hasValue(1);
        assertThat(world.reload(order).version()).isEqualTo(3);
    }

    @Test
    void aDifferentRequestUnderAUsedKeyIsRefusedAndNothingRuns() {
        Outcome first = runCounted(claim(CUSTOMER.id(), "k1", PAYMENT));

        assertThatThrownBy(() -> runCounted(claim(CUSTOMER.id(), "k1", OTHER_BODY)))
                .isInstanceOf(IdempotencyKeyReusedException.class);

        assertThat(runs).hasValue(1);
        assertThat(runCounted(claim(CUSTOMER.id(), "k1", PAYMENT)).response()).isEqualTo(first.response());
    }

    @Test
    void keysAreScopedToTheCaller() {
        Outcome mine = runCounted(claim(CUSTOMER.id(), "k1", PAYMENT));
        Outcome theirs = runCounted(claim(OTHER_CUSTOMER.id(), "k1", OTHER_BODY));

        assertThat(theirs.replayed()).isFalse();
        assertThat(theirs.response()).isNotEqualTo(mine.response());
        assertThat(runs).hasValue(2);
    }

    @Test
    void aRefusedTransitionIsStoredAndReplayed() {
        Order paid = world.orderIn(OrderStatus.PENDING_ACCEPTANCE);
        PayOrderCommand again = new PayOrderCommand(paid.id(), PaymentMethod.CARD, paid.total(),
                new Precondition.AnyVersion());

        Outcome refused = pay(claim(CUSTOMER.id(), "k1", PAYMENT), again);
        Outcome retry = pay(claim(CUSTOMER.id(), "k1", PAYMENT), again);

        assertThat(refused.replayed()).isFalse();
        assertThat(refused.response().status()).isEqualTo(409);
        assertThat(bodyOf(refused.response())).contains("pending_acceptance");
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.response()).isEqualTo(refused.response());
        assertThat(runs).hasValue(1);
    }

    @Test
    void aBrokenBusinessRuleIsStoredAndReplayed() {
        Order order = world.orderIn(OrderStatus.PENDING_PAYMENT);
        PayOrderCommand tooLittle = new PayOrderCommand(order.id(), PaymentMethod.CARD, Money.won(1),
                TestWorld.at(order));

        Outcome refused = pay(claim(CUSTOMER.id(), "k1", PAYMENT), tooLittle);
        Outcome retry = pay(claim(CUSTOMER.id(), "k1", PAYMENT), tooLittle);

        assertThat(refused.response().status()).isEqualTo(422);
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.response()).isEqualTo(refused.response());
        assertThat(runs).hasValue(1);
        assertThat(world.reload(order).payment()).isEmpty();
    }

    static Stream<RuntimeException> failuresThatAreNotRemembered() {
        return Stream.of(new NotFoundException("order 1"),
                new PreconditionFailedException(OrderId.of(1), 2),
                new PreconditionRequiredException(OrderId.of(1)),
                InvalidInputException.of("amount", "is required"),
                new ActionNotPermittedException("only the order's customer may pay"),
                new IllegalStateException("a bug"));
    }

    @ParameterizedTest
    @MethodSource("failuresThatAreNotRemembered")
    void otherFailuresAreNotStoredSoACorrectedRetryRuns(RuntimeException failure) {
        IdempotencyClaim claim = claim(CUSTOMER.id(), "k1", PAYMENT);
        Supplier<String> failing = () -> {
            runs.incrementAndGet();
            throw failure;
        };

        assertThatThrownBy(() -> executor.execute(claim, failing, TestRenderer.text())).isSameAs(failure);
        assertThat(world.idempotencyStore.size()).isZero();

        Outcome corrected = runCounted(claim);
        assertThat(corrected.replayed()).isFalse();
        assertThat(runs).hasValue(2);
    }

    @Test
    void aFailureRollsBackTheUseCasesWritesWithTheClaim() {
        Restaurant chicken = world.chickenPlace();
        var command = world.oneOfTheFirstItem(chicken);

        assertThatThrownBy(() -> executor.execute(claim(CUSTOMER.id(), command.creationKey(), PAYMENT), () -> {
            world.app.placeOrder().place(CUSTOMER, command);
            throw new IllegalStateException("crash after the write");
        }, TestRenderer.orders())).hasMessage("crash after the write");

        assertThat(world.orders.size()).isZero();
        assertThat(world.idempotencyStore.size()).isZero();
        assertThat(world.app.placeOrder().place(CUSTOMER, command).alreadyPlaced()).isFalse();
    }

    @Test
    void theClaimAndTheStateChangeCommitTogether() {
        Order order = world.orderIn(OrderStatus.PENDING_PAYMENT);
        int commits = world.transactions.commits();

        pay(claim(CUSTOMER.id(), "k1", PAYMENT), TestWorld.payment(order));

        assertThat(world.transactions.commits() - commits).isEqualTo(1);
        assertThat(world.idempotencyStore.size()).isEqualTo(1);
        assertThat(world.reload(order).status()).isEqualTo(OrderStatus.PENDING_ACCEPTANCE);
    }

    @Test
    void aTimeToLiveMustBePositive() {
        assertThatThrownBy(() -> new IdempotentExecutor(world.idempotencyStore, world.transactions, world.clock,
                Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IdempotentExecutor(world.idempotencyStore, world.transactions, world.clock,
                Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
