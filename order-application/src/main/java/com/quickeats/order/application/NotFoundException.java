package com.quickeats.order.application;

/** No such resource, or one the caller may not see: the two are indistinguishable on purpose. */
public final class NotFoundException extends ApplicationException {
    public NotFoundException(String what) {
        super(what + " not found");
    }
}
