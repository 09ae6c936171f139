package com.quickeats.order.domain;

/** A refusal by the domain: the caller asked for something the rules do not allow. Nothing was changed. */
public abstract sealed class DomainException extends RuntimeException
        permits InvalidInputException, RuleRefusalException,
        ActionNotPermittedException {

    protected DomainException(String message) {
        super(message, null, false, false);
    }
}
