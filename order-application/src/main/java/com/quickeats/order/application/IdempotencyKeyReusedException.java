package com.quickeats.order.application;

/** The idempotency key was already used by this caller for a different request. Nothing was executed. */
public final class IdempotencyKeyReusedException extends ApplicationException {
    public IdempotencyKeyReusedException(String key) {
        super("idempotency key '" + key + "' was already used for a different request");
    }
}
