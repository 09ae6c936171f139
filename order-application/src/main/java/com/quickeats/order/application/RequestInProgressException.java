package com.quickeats.order.application;

/** A request with the same idempotency key is still executing; retry shortly. */
public final class RequestInProgressException extends ApplicationException {
    public RequestInProgressException(String key) {
        super("a request with idempotency key '" + key + "' is still in progress");
    }
}
