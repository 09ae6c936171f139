package com.quickeats.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.quickeats.order.domain.OrderAction;
import com.quickeats.order.domain.OrderStatus;
import com.quickeats.order.domain.OrderTransitions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The state diagram in {@code docs/architecture.md} is the code's transition table, edge for edge: every
 * {@code from --> to : action} line is a pair {@link OrderTransitions#next} allows, and every pair it
 * allows is drawn. Labels are the wire names. A line with an arrow that this test cannot read fails it,
 * so the diagram cannot grow edges that escape the check.
 */
class StateDiagramDocumentationTest {
    private static final Path DOCUMENT = ProjectRoot.path().resolve("docs/architecture.md");
    private static final Pattern FENCE = Pattern.compile("(?ms)^```mermaid\\s*$(.*?)^```\\s*$");
    private static final Pattern TRANSITION = Pattern.compile("(\\w+)\\s*-->\\s*(\\w+)\\s*:\\s*([\\w-]+)");
    private static final Pattern START = Pattern.compile("\\[\\*]\\s*-->\\s*(\\w+)");
    private static final Pattern END = Pattern.compile("(\\w+)\\s*-->\\s*\\[\\*]");

    private static final List<String> transitions = new ArrayList<>();
    private static final List<String> starts = new ArrayList<>();
    private static final List<String> ends = new ArrayList<>();

    @BeforeAll
    static void readTheDiagram() throws IOException {
        assertThat(DOCUMENT).as("the architecture document").isRegularFile();
        List<String> diagrams = new ArrayList<>();
        Matcher fence = FENCE.matcher(Files.readString(DOCUMENT));
        while (fence.find()) {
            if (fence.group(1).strip().startsWith("stateDiagram")) {
                diagrams.add(fence.group(1));
            }
        }
        assertThat(diagrams).as("mermaid stateDiagram blocks in %s", DOCUMENT).hasSize(1);

        for (String raw : diagrams.get(0).split("\n")) {
            String line = raw.strip();
            if (!line.contains("-->")) {
                continue;
            }
            Matcher m;
            if ((m = START.matcher(line)).matches()) {
                starts.add(m.group(1));
            } else if ((m = END.matcher(line)).matches()) {
                ends.add(m.group(1));
            } else if ((m = TRANSITION.matcher(line)).matches()) {
                transitions.add(m.group(1) + " --> " + m.group(2) + " : " + m.group(3));
            } else {
                fail("cannot read the state diagram line '%s'; write 'from --> to : action' with wire names", line);
            }
        }
    }

    @Test
    void theDiagramDrawsExactlyTheTransitionsOfTheCode() {
        List<String> coded = new ArrayList<>();
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderAction action : OrderAction.values()) {
                OrderTransitions.next(from, action).ifPresent(to ->
                        coded.add(from.wireName() + " --> " + to.wireName() + " : " + action.wireName()));
            }
        }

        assertThat(transitions).as("transitions drawn in %s", DOCUMENT)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(coded);
    }

    @Test
    void theDiagramStartsWhereNoTransitionLeads() {
        Set<OrderStatus> reachable = new HashSet<>();
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderAction action : OrderAction.values()) {
                OrderTransitions.next(from, action).ifPresent(reachable::add);
            }
        }
        List<String> initial = Arrays.stream(OrderStatus.values())
                .filter(s -> !reachable.contains(s))
                .map(OrderStatus::wireName)
                .toList();

        assertThat(starts).as("[*] --> start states").containsExactlyInAnyOrderElementsOf(initial);
    }

    @Test
    void theDiagramEndsInExactlyTheTerminalStatuses() {
        Set<String> terminal = Arrays.stream(OrderStatus.values())
                .filter(OrderStatus::isTerminal)
                .map(OrderStatus::wireName)
                .collect(Collectors.toSet());

        assertThat(ends).as("end states --> [*]").doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(terminal);
    }
}
