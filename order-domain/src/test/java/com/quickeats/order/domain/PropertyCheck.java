package com.quickeats.order.domain;

import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A small property runner: checks a property on many inputs generated from consecutive seeds, and
 * reports a failure with its seed (to rerun exactly that try) and the smallest failing input it could
 * shrink it to.
 *
 * <p>It stands in for jqwik, whose maintainer asks that AI coding agents not use it: these properties
 * were written by one. The shape (generator, shrinker, property) maps one to one onto a jqwik
 * {@code @Provide} method and {@code @Property}, should the team prefer to switch.
 *
 * <p>{@code -Dquickeats.property.seed=N} sets the first seed, {@code -Dquickeats.property.tries=N} the
 * number of tries.
 */
final class PropertyCheck<T> {
    static final int TRIES = Integer.getInteger("quickeats.property.tries", 300);
    static final long FIRST_SEED = Long.getLong("quickeats.property.seed", 20_261_123L);
    private static final int MAX_SHRINK_STEPS = 1_000;

    private final Function<Random, T> generator;
    private final Function<T, Stream<T>> shrinker;

    private PropertyCheck(Function<Random, T> generator, Function<T, Stream<T>> shrinker) {
        this.generator = generator;
        this.shrinker = shrinker;
    }

    /** Inputs from {@code generator}; {@code shrinker} proposes smaller variants of a failing input. */
    static <T> PropertyCheck<T> forAll(Function<Random, T> generator, Function<T, Stream<T>> shrinker) {
        return new PropertyCheck<>(generator, shrinker);
    }

    /** Runs {@code property} (which fails by throwing) on every try. */
    void check(Consumer<T> property) {
        for (int attempt = 0; attempt < TRIES; attempt++) {
            long seed = FIRST_SEED + attempt;
            T input = generator.apply(new Random(seed));
            if (failureOf(property, input).isPresent()) {
                T smallest = shrink(input, property);
                Throwable failure = failureOf(property, smallest).orElseThrow();
                throw new AssertionError("property falsified on try " + attempt + " with seed " + seed
                        + " (rerun: -Dquickeats.property.seed=" + seed + " -Dquickeats.property.tries=1)"
                        + "\n  generated: " + input + "\n  shrunk to: " + smallest
                        + "\n  " + failure, failure);
            }
        }
    }

    private T shrink(T failing, Consumer<T> property) {
        T smallest = failing;
        for (int step = 0; step < MAX_SHRINK_STEPS; step++) {
            Optional<T> smaller = shrinker.apply(smallest)
                    .filter(candidate -> failureOf(property, candidate).isPresent()).findFirst();
            if (smaller.isEmpty()) {
                break;
            }
            smallest = smaller.get();
        }
        return smallest;
    }

    private static <T> Optional<Throwable> failureOf(Consumer<T> property, T input) {
        try {
            property.accept(input);
            return Optional.empty();
        } catch (AssertionError | RuntimeException failure) {
            return Optional.of(failure);
        }
    }
}
