package com.quickeats.adapter.http.idempotency;

import com.quickeats.adapter.http.request.RequestBody;
import java.util.Optional;

/** What a POST's use case gets to work with: the body and the idempotency key it came with, if any. */
public record PostRequest(RequestBody body, Optional<String> idempotencyKey) {
}
