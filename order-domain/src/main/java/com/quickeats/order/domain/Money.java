package com.quickeats.order.domain;

/**
 * An amount of Korean won, the smallest (and only) unit QuickEats charges in.
 * Never negative; arithmetic that would overflow 64 bits fails loudly instead of wrapping.
 */
public record Money(long amount) implements Comparable<Money> {
    /** The ISO 4217 code every order carries. */
    public static final String CURRENCY = "KRW";
    public static final Money ZERO = new Money(0);

    public Money {
        if (amount < 0) {
            throw new IllegalArgumentException("money is never negative, got " + amount);
        }
    }

    public static Money won(long amount) {
        return new Money(amount);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(amount, other.amount));
    }

    public Money times(int quantity) {
        return new Money(Math.multiplyExact(amount, quantity));
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(amount, other.amount);
    }

    @Override
    public String toString() {
        return amount + " " + CURRENCY;
    }
}
