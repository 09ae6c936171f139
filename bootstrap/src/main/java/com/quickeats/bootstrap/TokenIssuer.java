package com.quickeats.bootstrap;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.quickeats.order.domain.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Makes bearer tokens the way the API checks them: HS256 JWTs with {@code sub}, {@code role} and
 * {@code exp}. The service itself only issues the demo users' tokens; real ones come from elsewhere.
 */
final class TokenIssuer {
    private final Algorithm algorithm;
    private final Clock clock;

    TokenIssuer(byte[] secret, Clock clock) {
        this.algorithm = Algorithm.HMAC256(secret);
        this.clock = clock;
    }

    String issue(String subject, Role role, Duration validFor) {
        Instant now = clock.instant();
        return JWT.create()
                .withSubject(subject)
                .withClaim("role", role.wireName())
                .withIssuedAt(now)
                .withExpiresAt(now.plus(validFor))
                .sign(algorithm);
    }

    /** A random secret for one demo run: 48 random bytes, Base64url (64 characters). */
    static String randomSecret() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
