package com.quickeats.order.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Collects every problem with an input before failing, so that a client learns all of them at once
 * instead of fixing one field per round trip.
 */
public final class Violations {
    private final List<FieldViolation> found = new ArrayList<>();

    public Violations add(String field, String message) {
        found.add(new FieldViolation(field, message));
        return this;
    }

    /** Adds {@code message} for {@code field} unless {@code ok}. */
    public Violations check(boolean ok, String field, String message) {
        if (!ok) {
            add(field, message);
        }
        return this;
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<FieldViolation> list() {
        return List.copyOf(found);
    }

    /** Throws what {@code failure} makes of the collected violations, if there are any. */
    public void throwIfAny(Function<List<FieldViolation>, ? extends DomainException> failure) {
        if (!found.isEmpty()) {
            throw failure.apply(list());
        }
    }

    /** Length in Unicode code points, so that a Korean address counts characters, not UTF-16 units. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
