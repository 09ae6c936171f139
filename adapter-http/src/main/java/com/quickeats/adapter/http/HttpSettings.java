package com.quickeats.adapter.http;

import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;

/**
 * What the HTTP adapter needs besides the use cases: the HS256 secret bearer tokens are signed with
 * (at least 32 bytes, contract §3) and the clock their expiry is checked against.
 */
public record HttpSettings(byte[] jwtSecret, Clock clock) {
    public static final int MIN_SECRET_BYTES = 32;

    public HttpSettings {
        Objects.requireNonNull(jwtSecret, "jwtSecret");
        Objects.requireNonNull(clock, "clock");
        if (jwtSecret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the JWT secret must be at least " + MIN_SECRET_BYTES
                    + " bytes long, got " + jwtSecret.length + "; set QUICKEATS_JWT_SECRET to a longer value");
        }
        jwtSecret = jwtSecret.clone();
    }

    /** Settings that check token expiry against the system clock. */
    public static HttpSettings of(byte[] jwtSecret) {
        return new HttpSettings(jwtSecret, Clock.systemUTC());
    }

    @Override
    public byte[] jwtSecret() {
        return jwtSecret.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HttpSettings other && Arrays.equals(jwtSecret, other.jwtSecret)
                && clock.equals(other.clock);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(jwtSecret) + clock.hashCode();
    }

    @Override
    public String toString() {
        return "HttpSettings[jwtSecret=<" + jwtSecret.length + " bytes>, clock=" + clock + "]";
    }
}
