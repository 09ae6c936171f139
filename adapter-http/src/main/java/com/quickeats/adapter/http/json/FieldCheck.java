package com.quickeats.adapter.http.json;

import com.quickeats.order.domain.FieldViolation;
import com.quickeats.order.domain.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects the problems the adapter finds in a request's shape (wrong types, missing fields) and merges
 * them with those the command itself finds in its values, so a client learns every problem at once.
 * The adapter substitutes harmless stand-ins for the fields it already reported, so the command's own
 * rules (ranges, lengths) still run on everything else.
 */
public final class FieldCheck {
    private final List<FieldViolation> found = new ArrayList<>();

    public void add(String field, String message) {
        found.add(new FieldViolation(field, message));
    }

    public boolean reported(String field) {
        return found.stream().anyMatch(v -> v.field().equals(field));
    }

    /**
     * Builds the command, or throws one {@link InvalidInputException} listing the shape problems found so
     * far and the command's own problems with fields not already reported.
     */
    public <T> T build(Supplier<T> command) {
        List<FieldViolation> all = new ArrayList<>(found);
        T built = null;
        try {
            built = command.get();
        } catch (InvalidInputException invalid) {
            invalid.violations().stream().filter(v -> !reported(v.field())).forEach(all::add);
        } catch (RuntimeException standInGap) {
            if (found.isEmpty()) {
                throw standInGap;
            }
            // The command could not be built only because a field it needs was already reported.
        }
        if (!all.isEmpty()) {
            throw new InvalidInputException(all);
        }
        return built;
    }
}
