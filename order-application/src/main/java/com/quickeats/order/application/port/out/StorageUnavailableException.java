package com.quickeats.order.application.port.out;

/** The store cannot be reached or has no free connection in time; worth retrying later. */
public final class StorageUnavailableException extends RuntimeException {
    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
