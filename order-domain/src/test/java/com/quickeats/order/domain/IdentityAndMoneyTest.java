package com.quickeats.order.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ids are positive numbers or non-blank names; money is never negative and never wraps around. */
class IdentityAndMoneyTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void numericIdsAreStrictlyPositive(long value) {
        assertThatThrownBy(() -> OrderId.of(value)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RestaurantId.of(value)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MenuItemId.of(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLargestIdsAreAccepted() {
        assertThat(OrderId.of(Long.MAX_VALUE).value()).isEqualTo(Long.MAX_VALUE);
        assertThat(RestaurantId.of(1).toString()).isEqualTo("1");
    }

    @Test
    void moneyIsNeverNegative() {
        assertThatThrownBy(() -> Money.won(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Money.won(0)).isEqualTo(Money.ZERO);
    }

    @Test
    void moneyAddsAndMultiplies() {
        assertThat(Money.won(18_000).times(3).plus(Money.won(2_000))).isEqualTo(Money.won(56_000));
        assertThat(Money.won(1)).isLessThan(Money.won(2));
    }

    @Test
    void moneyFailsLoudlyInsteadOfOverflowing() {
        assertThatThrownBy(() -> Money.won(Long.MAX_VALUE).plus(Money.won(1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.won(Long.MAX_VALUE / 2 + 1).times(2)).isInstanceOf(ArithmeticException.class);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", " ", "\t"})
    void aUserIdIsNotBlank(String value) {
        assertThatThrownBy(() -> UserId.of(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aUserIdHasAtMost255Characters() {
        assertThat(UserId.of("u".repeat(255)).value()).hasSize(255);
        assertThatThrownBy(() -> UserId.of("u".repeat(256))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UserId.of(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
