package com.quickeats.order.application.port.out;

import com.quickeats.order.domain.UserId;
import java.util.Objects;

/**
 * A request's claim on an idempotency key: the key is scoped to the caller, and the fingerprint
 * (method, normalised path and body digest) tells a retry from a different request reusing the key.
 */
public record IdempotencyClaim(UserId caller, String key, String fingerprint) {
    public IdempotencyClaim {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
