package com.quickeats.order.domain;

/** The caller is who they say they are, but their role or relation to the order does not allow this. */
public final class ActionNotPermittedException extends DomainException {
    public ActionNotPermittedException(String message) {
        super(message);
    }
}
