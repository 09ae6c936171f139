package com.example.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.quickeats.order.domain.Money;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderEvent;
import com.quickeats.order.domain.OrderStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's embedding example is this module's code, compiles against the order-domain jar alone, and works. */
class DeliveryDeskTest {
    private static final Path REPOSITORY = Path.of(System.getProperty("quickeats.repository", ".."));

    @Test
    void theExampleWalksOneOrderToDeliveryPastARefusedLateCancellation() {
        Order order = DeliveryDesk.deliverOneOrder(Instant.parse("2026-01-01T12:00:00Z"));

        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(order.version()).isEqualTo(6);
        assertThat(order.total()).isEqualTo(Money.won(36_000));
        assertThat(order.pendingEvents()).extracting(OrderEvent::type).containsExactly("order_placed",
                "order_paid", "order_accepted", "preparation_completed", "order_picked_up", "order_delivered");
    }

    @Test
    void theReadmeShowsTheExamplesCodeAndTheCoordinatesItIsBuiltWith() throws IOException {
        String readme = Files.readString(REPOSITORY.resolve("README.md"));
        String source = Files.readString(REPOSITORY.resolve(
                "examples/src/main/java/com/example/dispatch/DeliveryDesk.java"));
        String pom = Files.readString(REPOSITORY.resolve("examples/pom.xml"));

        assertThat(stripped(source)).contains(stripped(fenced(readme, "java")));
        assertThat(squeezed(pom)).contains(squeezed(fenced(readme, "xml")));
    }

    private static String fenced(String markdown, String language) {
        Matcher block = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        assertThat(block.find()).as("a ```%s block in the README", language).isTrue();
        return block.group(1);
    }

    /** The lines without their indentation, which the README sets differently. */
    private static String stripped(String code) {
        return code.lines().map(String::strip).collect(Collectors.joining("\n"));
    }

    private static String squeezed(String xml) {
        return xml.replaceAll("\\s+", "");
    }
}
