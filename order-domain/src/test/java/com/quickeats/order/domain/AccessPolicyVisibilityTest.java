package com.quickeats.order.domain;

import static com.quickeats.order.domain.testing.OrderBuilder.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.quickeats.order.domain.testing.OrderBuilder;
import com.quickeats.order.domain.testing.RestaurantBuilder;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Who may read an order (contract §3): the same scope answers for one order and for a list. */
class AccessPolicyVisibilityTest {
    private static final UserId OWNER = RestaurantBuilder.OWNER;

    /** Contract §3 "read one order", for an order in each status; "rider" is the one who picks it up. */
    static final String WHO_SEES = """
            status              customer  other-customer  owner  other-owner  rider  other-rider  admin
            pending_payment     yes       no              yes    no           no     no           yes
            pending_acceptance  yes       no              yes    no           no     no           yes
            preparing           yes       no              yes    no           no     no           yes
            ready_for_pickup    yes       no              yes    no           yes    yes          yes
            in_transit          yes       no              yes    no           yes    no           yes
            delivered           yes       no              yes    no           yes    no           yes
            cancelled           yes       no              yes    no           no     no           yes
            """;

    @ParameterizedTest(name = "{1} sees a {0} order: {2}")
    @MethodSource("whoSees")
    void whoMayReadAnOrderInEachStatus(String status, String caller, String visible) {
        Order order = anOrder().inStatus(OrderStatus.fromWireName(status).orElseThrow()).build();
        Actor actor = Callers.named(caller);
        boolean expected = Callers.yesOrNo(visible);

        assertThat(AccessPolicy.maySee(actor, order)).isEqualTo(expected);
        assertThat(AccessPolicy.visibleTo(actor).includes(order)).isEqualTo(expected);
    }

    @Test
    void aCancelledOrderThatWasPaidIsStillSeenOnlyByItsParties() {
        Order declined = anOrder().declinedByRestaurant().build();

        assertThat(AccessPolicy.maySee(Callers.named("customer"), declined)).isTrue();
        assertThat(AccessPolicy.maySee(Callers.named("owner"), declined)).isTrue();
        assertThat(AccessPolicy.maySee(Callers.named("rider"), declined)).isFalse();
    }

    @Test
    void anOwnerSeesTheOrdersOfEveryRestaurantTheyOwnAndNoOther() {
        Order atTheirOtherRestaurant = anOrder()
                .from(RestaurantBuilder.aRestaurant().withId(2).named("피자집").ownedBy("owner-2").build()).build();

        assertThat(AccessPolicy.maySee(Callers.named("other-owner"), atTheirOtherRestaurant))
                .isTrue();
        assertThat(AccessPolicy.maySee(Callers.named("owner"), atTheirOtherRestaurant))
                .isFalse();
    }

    @Test
    void eachRoleGetsTheScopeThatStorageTranslatesIntoAQuery() {
        assertThat(AccessPolicy.visibleTo(Callers.named("admin"))).isEqualTo(new VisibilityScope.Everything());
        assertThat(AccessPolicy.visibleTo(Callers.named("customer")))
                .isEqualTo(new VisibilityScope.PlacedBy(OrderBuilder.CUSTOMER));
        assertThat(AccessPolicy.visibleTo(Callers.named("owner")))
                .isEqualTo(new VisibilityScope.ForRestaurantsOf(OWNER));
        assertThat(AccessPolicy.visibleTo(Callers.named("rider")))
                .isEqualTo(new VisibilityScope.RiddenByOrAwaitingPickup(OrderBuilder.RIDER));
    }

    static Stream<Arguments> whoSees() {
        return TextTable.parse(WHO_SEES).cells().stream()
                .map(cell -> arguments(cell.row(), cell.column(), cell.value()));
    }
}
