package com.quickeats.order.domain;

/**
 * The request was well formed and the caller permitted, but the rules refuse it as things stand: the
 * order's status does not allow the action, or a business rule is not met. Unlike a malformed or
 * forbidden request, this is an answer about the world at that moment, so an idempotent request records
 * it and replays it like a success.
 */
public abstract sealed class RuleRefusalException extends DomainException
        permits BusinessRuleViolationException, InvalidStateTransitionException {

    protected RuleRefusalException(String message) {
        super(message);
    }
}
