package com.quickeats.order.application;

/** A refusal decided by the application (not found, preconditions, idempotency); nothing was changed. */
public abstract sealed class ApplicationException extends RuntimeException
        permits NotFoundException, PreconditionRequiredException, PreconditionFailedException,
        IdempotencyKeyReusedException, RequestInProgressException {

    protected ApplicationException(String message) {
        super(message, null, false, false);
    }
}
