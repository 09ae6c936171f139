package com.quickeats.order.domain;

import static com.quickeats.order.domain.testing.RestaurantBuilder.CHEESE_BALLS;
import static com.quickeats.order.domain.testing.RestaurantBuilder.COLA;
import static com.quickeats.order.domain.testing.RestaurantBuilder.FRIED_CHICKEN;
import static com.quickeats.order.domain.testing.RestaurantBuilder.SEASONED_CHICKEN;
import static com.quickeats.order.domain.testing.RestaurantBuilder.aRestaurant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quickeats.order.domain.OrderEvent.OrderPlaced;
import com.quickeats.order.domain.testing.OrderBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Order#place}: a new order, priced from the menu, refused with every problem named at once. */
class OrderPlacementTest {
    private static final OrderId ID = OrderId.of(15);
    private static final UserId CUSTOMER = UserId.of("customer-1");
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final String ADDRESS = "서울특별시 강남구 테헤란로 152";

    private final Restaurant restaurant = aRestaurant().build();

    @Test
    void placingAnOrderStartsItAtVersionOneAwaitingPayment() {
        Order order = place(List.of(line(FRIED_CHICKEN, 1)), ADDRESS);

        assertThat(order.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(order.version()).isEqualTo(1);
        assertThat(order.persistedVersion()).isZero();
        assertThat(order.customerId()).isEqualTo(CUSTOMER);
        assertThat(order.restaurantId()).isEqualTo(restaurant.id());
        assertThat(order.deliveryAddress()).isEqualTo(ADDRESS);
        assertThat(order.currency()).isEqualTo("KRW");
        assertThat(order.createdAt()).isEqualTo(NOW);
        assertThat(order.updatedAt()).isEqualTo(NOW);
        assertThat(order.payment()).isEmpty();
        assertThat(order.cancellation()).isEmpty();
        assertThat(order.riderId()).isEmpty();
        assertThat(order.pendingEvents()).containsExactly(
                new OrderPlaced(ID, 1, CUSTOMER, NOW, restaurant.id(), Money.won(18_000)));
        assertThat(order.pendingEvents().get(0).type()).isEqualTo("order_placed");
    }

    @Test
    void everyLineIsPricedFromTheMenu() {
        Order order = place(List.of(line(FRIED_CHICKEN, 2), line(COLA, 3)), ADDRESS);

        assertThat(order.lines()).containsExactly(
                new OrderLine(FRIED_CHICKEN, "후라이드치킨", Money.won(18_000), 2),
                new OrderLine(COLA, "콜라", Money.won(2_000), 3));
        assertThat(order.lines()).extracting(OrderLine::lineTotal)
                .containsExactly(Money.won(36_000), Money.won(6_000));
        assertThat(order.total()).isEqualTo(Money.won(42_000));
    }

    @Test
    void changingTheMenuAfterwardsDoesNotAlterThePlacedOrder() {
        Order order = place(List.of(line(SEASONED_CHICKEN, 1)), ADDRESS);

        Restaurant changed = restaurant.changeMenuItem(SEASONED_CHICKEN, Optional.of(Money.won(25_000)),
                Optional.of(false));

        assertThat(changed.menuItem(SEASONED_CHICKEN).orElseThrow().price()).isEqualTo(Money.won(25_000));
        assertThat(order.lines().get(0).unitPrice()).isEqualTo(Money.won(19_000));
        assertThat(order.total()).isEqualTo(Money.won(19_000));
    }

    @Test
    void anOrderNeedsAtLeastOneLine() {
        assertMalformed(() -> place(List.of(), ADDRESS), "items");
        assertMalformed(() -> place(null, ADDRESS), "items");
    }

    @Test
    void anOrderHasAtMostFiftyLines() {
        assertThat(place(Collections.nCopies(50, line(COLA, 1)), ADDRESS).lines()).hasSize(50);
        assertMalformed(() -> place(Collections.nCopies(51, line(COLA, 1)), ADDRESS), "items");
    }

    @ParameterizedTest(name = "quantity {0}")
    @ValueSource(ints = {0, 100, -1})
    void aQuantityOutsideOneToNinetyNineIsRefused(int quantity) {
        assertMalformed(() -> place(List.of(line(FRIED_CHICKEN, quantity)), ADDRESS), "items[0].quantity");
    }

    @ParameterizedTest(name = "quantity {0}")
    @ValueSource(ints = {1, 99})
    void quantitiesOfOneAndNinetyNineAreAccepted(int quantity) {
        Order order = place(List.of(line(COLA, quantity)), ADDRESS);

        assertThat(order.lines().get(0).quantity()).isEqualTo(quantity);
        assertThat(order.total()).isEqualTo(Money.won(2_000L * quantity));
    }

    @ParameterizedTest(name = "address \"{0}\"")
    @NullSource
    @ValueSource(strings = {"", "   ", "\t\n"})
    void aBlankAddressIsRefused(String address) {
        assertMalformed(() -> place(List.of(line(FRIED_CHICKEN, 1)), address), "delivery_address");
    }

    @Test
    void anAddressOf501CharactersIsRefusedAnd500AreAccepted() {
        assertMalformed(() -> place(List.of(line(COLA, 1)), "a".repeat(501)), "delivery_address");
        assertThat(place(List.of(line(COLA, 1)), "a".repeat(500)).deliveryAddress()).hasSize(500);
    }

    @Test
    void aKoreanAddressOf500CharactersIsAccepted() {
        String korean = "서울특별시강남구테헤란로".repeat(50).substring(0, 500);

        assertThat(place(List.of(line(COLA, 1)), korean).deliveryAddress()).isEqualTo(korean);
        assertMalformed(() -> place(List.of(line(COLA, 1)), korean + "동"), "delivery_address");
    }

    @Test
    void anAddressIsCountedInCharactersNotUtf16Units() {
        String fiveHundredCharacters = "🏠".repeat(250) + "집".repeat(250);

        assertThat(fiveHundredCharacters.length()).isEqualTo(750);
        assertThat(place(List.of(line(COLA, 1)), fiveHundredCharacters).deliveryAddress())
                .isEqualTo(fiveHundredCharacters);
    }

    @Test
    void anItemNotOnTheMenuIsUnprocessable() {
        assertUnprocessable(() -> place(List.of(line(MenuItemId.of(999), 1)), ADDRESS), "items[0].menu_item_id");
    }

    @Test
    void anUnavailableItemIsUnprocessable() {
        assertThatThrownBy(() -> place(List.of(line(FRIED_CHICKEN, 1), line(CHEESE_BALLS, 1)), ADDRESS))
                .isInstanceOfSatisfying(BusinessRuleViolationException.class, refused ->
                        assertThat(refused.violations()).singleElement().satisfies(violation -> {
                            assertThat(violation.field()).isEqualTo("items[1].menu_item_id");
                            assertThat(violation.message()).contains("not available");
                        }));
    }

    @Test
    void severalMalformedFieldsAreReportedAtOnce() {
        List<LineRequest> lines = new ArrayList<>(List.of(line(FRIED_CHICKEN, 1), line(FRIED_CHICKEN, 0),
                line(COLA, 100)));
        lines.add(null);

        assertMalformed(() -> place(lines, " "),
                "items[1].quantity", "items[2].quantity", "items[3]", "delivery_address");
    }

    @Test
    void severalMenuProblemsAreReportedAtOnce() {
        assertUnprocessable(() -> place(List.of(line(MenuItemId.of(999), 1), line(COLA, 1),
                line(CHEESE_BALLS, 2)), ADDRESS), "items[0].menu_item_id", "items[2].menu_item_id");
    }

    @Test
    void aMalformedOrderIsReportedBeforeItsMenuProblems() {
        assertMalformed(() -> place(List.of(line(MenuItemId.of(999), 0)), ADDRESS), "items[0].quantity");
    }

    @Test
    void theBuilderPlacesOrdersThroughTheSameDoor() {
        Order built = OrderBuilder.anOrder().withLine(FRIED_CHICKEN, 2).withLine(COLA, 1).build();

        assertThat(built.lines()).extracting(OrderLine::unitPrice)
                .containsExactly(Money.won(18_000), Money.won(2_000));
        assertThat(built.total()).isEqualTo(Money.won(38_000));
    }

    private Order place(List<LineRequest> lines, String address) {
        return Order.place(ID, CUSTOMER, restaurant, lines, address, NOW);
    }

    private static LineRequest line(MenuItemId item, int quantity) {
        return new LineRequest(item, quantity);
    }

    private static void assertMalformed(ThrowingCallable placing, String... fields) {
        assertThatThrownBy(placing).isInstanceOfSatisfying(InvalidInputException.class, refused ->
                assertThat(refused.violations()).extracting(FieldViolation::field).containsExactly(fields));
    }

    private static void assertUnprocessable(ThrowingCallable placing, String... fields) {
        assertThatThrownBy(placing).isInstanceOfSatisfying(BusinessRuleViolationException.class, refused ->
                assertThat(refused.violations()).extracting(FieldViolation::field).containsExactly(fields));
    }
}
