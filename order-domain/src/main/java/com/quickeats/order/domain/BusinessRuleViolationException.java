package com.quickeats.order.domain;

import java.util.List;

/**
 * The input is well formed but cannot be honoured: a menu item that is not on the restaurant's menu or
 * is unavailable, a payment that does not equal the order total.
 */
public final class BusinessRuleViolationException extends RuleRefusalException {
    private final List<FieldViolation> violations;

    public BusinessRuleViolationException(List<FieldViolation> violations) {
        super(InvalidInputException.describe("cannot be processed", violations));
        this.violations = List.copyOf(violations);
    }

    public static BusinessRuleViolationException of(String field, String message) {
        return new BusinessRuleViolationException(List.of(new FieldViolation(field, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
