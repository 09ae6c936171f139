package com.quickeats.order.domain;

import java.util.List;
import java.util.stream.Collectors;

/** The input is malformed: out of range, too long, missing. Lists every problem found. */
public final class InvalidInputException extends DomainException {
    private final List<FieldViolation> violations;

    public InvalidInputException(List<FieldViolation> violations) {
        super(describe("invalid input", violations));
        this.violations = List.copyOf(violations);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldViolation(field, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    static String describe(String what, List<FieldViolation> violations) {
        return what + ": " + violations.stream()
                .map(v -> v.field() + " " + v.message())
                .collect(Collectors.joining("; "));
    }
}
