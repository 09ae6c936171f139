package com.quickeats.order.application.port.out;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of a request as it is kept for replay: status, the headers worth replaying (e.g.
 * {@code Content-Type}, {@code ETag}, {@code Location}) and the exact body bytes.
 */
public record StoredResponse(int status, Map<String, String> headers, byte[] body) {
    public StoredResponse {
        headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
        body = Objects.requireNonNull(body, "body").clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredResponse other && status == other.status && headers.equals(other.headers)
                && Arrays.equals(body, other.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, headers, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "StoredResponse[" + status + " " + headers + " " + body.length + " bytes]";
    }
}
