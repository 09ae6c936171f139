package com.quickeats.order.domain;

import static com.quickeats.order.domain.testing.OrderBuilder.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.quickeats.order.domain.testing.OrderBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The state machine of contract §4, every status against every action. */
class OrderTransitionsTest {

    /** Contract §4 drawn as a grid: where each action leads from each status; "-" means refused. */
    static final String STATE_MACHINE = """
            status              payment             acceptance  preparation-complete  pickup      delivery   cancellation
            pending_payment     pending_acceptance  -           -                     -           -          cancelled
            pending_acceptance  -                   preparing   -                     -           -          cancelled
            preparing           -                   -           ready_for_pickup      -           -          -
            ready_for_pickup    -                   -           -                     in_transit  -          -
            in_transit          -                   -           -                     -           delivered  -
            delivered           -                   -           -                     -           -          -
            cancelled           -                   -           -                     -           -          -
            """;

    record Transition(OrderStatus from, OrderAction action, Optional<OrderStatus> to) {
    }

    static final List<Transition> SPEC = TextTable.parse(STATE_MACHINE).cells().stream()
            .map(cell -> new Transition(status(cell.row()), action(cell.column()),
                    cell.value().equals("-") ? Optional.empty() : Optional.of(status(cell.value()))))
            .toList();

    /** Where the spec says {@code action} leads from {@code from}; empty when it is refused there. */
    static Optional<OrderStatus> specifiedNext(OrderStatus from, OrderAction action) {
        return SPEC.stream().filter(t -> t.from() == from && t.action() == action).findFirst()
                .orElseThrow(() -> new IllegalStateException("the table lacks " + from + " x " + action)).to();
    }

    @Test
    void theTableNamesEveryStatusAndEveryActionExactlyOnce() {
        TextTable table = TextTable.parse(STATE_MACHINE);
        assertThat(table.columns().stream().map(OrderTransitionsTest::action))
                .containsExactlyInAnyOrder(OrderAction.values());
        assertThat(table.rows().stream().map(row -> status(row.key())))
                .containsExactlyInAnyOrder(OrderStatus.values());
        assertThat(SPEC).hasSize(7 * 6);
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @MethodSource("allowedTransitions")
    void anAllowedActionMovesToTheSpecifiedStatusAndRecordsOneEvent(OrderBuilder start, OrderAction action,
                                                                    OrderStatus expected) {
        Order order = start.build();
        OrderSnapshot before = OrderSnapshot.of(order);
        Instant at = before.updatedAt().plusSeconds(90);

        OrderEvent event = Actions.take(order, action, at);

        assertThat(order.status()).isEqualTo(expected);
        assertThat(order.version()).isEqualTo(before.version() + 1);
        assertThat(order.updatedAt()).isEqualTo(at);
        assertThat(event.version()).isEqualTo(before.version() + 1);
        assertThat(event.orderId()).isEqualTo(order.id());
        assertThat(event.occurredAt()).isEqualTo(at);
        List<OrderEvent> expectedEvents = new ArrayList<>(before.pendingEvents());
        expectedEvents.add(event);
        assertThat(order.pendingEvents()).containsExactlyElementsOf(expectedEvents);
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @MethodSource("refusedActions")
    void everyOtherActionIsRefusedAndChangesNothing(OrderBuilder start, OrderAction action) {
        Order order = start.build();
        OrderSnapshot before = OrderSnapshot.of(order);

        assertThatThrownBy(() -> Actions.take(order, action, before.updatedAt().plusSeconds(90)))
                .isInstanceOfSatisfying(InvalidStateTransitionException.class, refused -> {
                    assertThat(refused.currentStatus()).isEqualTo(before.status());
                    assertThat(refused.action()).isEqualTo(action);
                });
        assertThat(OrderSnapshot.of(order)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCell")
    void theTransitionTableAnswersLikeTheSpec(Transition specified) {
        assertThat(OrderTransitions.next(specified.from(), specified.action())).isEqualTo(specified.to());
    }

    @ParameterizedTest(name = "{0} allows [{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            pending_payment    | payment cancellation    | false
            pending_acceptance | acceptance cancellation | false
            preparing          | preparation-complete    | false
            ready_for_pickup   | pickup                  | false
            in_transit         | delivery                | false
            delivered          |                         | true
            cancelled          |                         | true
            """)
    void allowedActionsAreTheOnesTheSpecLists(String status, String actions, boolean terminal) {
        List<OrderAction> expected = actions == null ? List.of()
                : Arrays.stream(actions.split(" ")).map(OrderTransitionsTest::action).toList();

        assertThat(OrderTransitions.allowedActions(status(status))).containsExactlyElementsOf(expected);
        assertThat(status(status).isTerminal()).isEqualTo(terminal);
        for (Named<OrderBuilder> start : ordersIn(status(status))) {
            Order order = start.getPayload().build();
            assertThat(order.allowedActions()).as(start.getName()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aRefusalNamesTheActionsTheStatusAllows() {
        Order preparing = anOrder().inStatus(OrderStatus.PREPARING).build();

        assertThatThrownBy(() -> preparing.cancel(null, CancelledBy.CUSTOMER, preparing.customerId(),
                OrderBuilder.PLACED_AT.plusSeconds(3600)))
                .isInstanceOfSatisfying(InvalidStateTransitionException.class, refused ->
                        assertThat(refused.allowedActions()).containsExactly(OrderAction.PREPARATION_COMPLETE))
                .hasMessageContaining("preparing").hasMessageContaining("cancellation");
    }

    static Stream<Arguments> allowedTransitions() {
        return SPEC.stream().filter(t -> t.to().isPresent()).flatMap(t -> ordersIn(t.from()).stream()
                .map(start -> arguments(start, t.action(), t.to().get())));
    }

    static Stream<Arguments> refusedActions() {
        return SPEC.stream().filter(t -> t.to().isEmpty()).flatMap(t -> ordersIn(t.from()).stream()
                .map(start -> arguments(start, t.action())));
    }

    static Stream<Transition> everyCell() {
        return SPEC.stream();
    }

    /** An order in {@code status}, made by the real verbs; a cancelled one both with and without a payment. */
    static List<Named<OrderBuilder>> ordersIn(OrderStatus status) {
        if (status == OrderStatus.CANCELLED) {
            return List.of(Named.of("cancelled before paying", anOrder().cancelledBeforePaying()),
                    Named.of("cancelled after paying", anOrder().cancelledAfterPaying()));
        }
        return List.of(Named.of(status.wireName(), anOrder().inStatus(status)));
    }

    static OrderStatus status(String wireName) {
        return OrderStatus.fromWireName(wireName)
                .orElseThrow(() -> new IllegalArgumentException("no status " + wireName));
    }

    static OrderAction action(String wireName) {
        return OrderAction.fromWireName(wireName)
                .orElseThrow(() -> new IllegalArgumentException("no action " + wireName));
    }
}
