package com.quickeats.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.quickeats.order.domain.Order;
import org.assertj.core.api.SoftAssertions;

/** Compares two orders field by field: {@code Order} has no {@code equals}, being an entity. */
final class SameOrder {
    private SameOrder() {
    }

    /** {@code loaded} has every field of {@code expected}, and no pending events. */
    static void assertLoadedAs(Order loaded, Order expected) {
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(loaded.id()).as("id").isEqualTo(expected.id());
        softly.assertThat(loaded.customerId()).as("customer").isEqualTo(expected.customerId());
        softly.assertThat(loaded.restaurantId()).as("restaurant").isEqualTo(expected.restaurantId());
        softly.assertThat(loaded.lines()).as("lines").isEqualTo(expected.lines());
        softly.assertThat(loaded.total()).as("total").isEqualTo(expected.total());
        softly.assertThat(loaded.currency()).as("currency").isEqualTo(expected.currency());
        softly.assertThat(loaded.deliveryAddress()).as("address").isEqualTo(expected.deliveryAddress());
        softly.assertThat(loaded.status()).as("status").isEqualTo(expected.status());
        softly.assertThat(loaded.version()).as("version").isEqualTo(expected.version());
        softly.assertThat(loaded.payment()).as("payment").isEqualTo(expected.payment());
        softly.assertThat(loaded.cancellation()).as("cancellation").isEqualTo(expected.cancellation());
        softly.assertThat(loaded.riderId()).as("rider").isEqualTo(expected.riderId());
        softly.assertThat(loaded.createdAt()).as("created at").isEqualTo(expected.createdAt());
        softly.assertThat(loaded.updatedAt()).as("updated at").isEqualTo(expected.updatedAt());
        softly.assertThat(loaded.allowedActions()).as("allowed actions").isEqualTo(expected.allowedActions());
        softly.assertThat(loaded.pendingEvents()).as("pending events").isEmpty();
        softly.assertAll();
        assertThat(loaded.persistedVersion()).isEqualTo(expected.version());
    }
}
