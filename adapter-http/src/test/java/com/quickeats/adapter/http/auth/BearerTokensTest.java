package com.quickeats.adapter.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.quickeats.adapter.http.problem.ApiProblemException;
import com.quickeats.adapter.http.problem.ProblemType;
import com.quickeats.order.domain.Actor;
import com.quickeats.order.domain.Role;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BearerTokensTest {
    private static final byte[] SECRET = "a-secret-of-at-least-thirty-two-bytes!!".getBytes(StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final BearerTokens tokens = new BearerTokens(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aValidTokenNamesTheActor() {
        String token = JWT.create().withSubject("owner-1").withClaim("role", "restaurant_owner")
                .withExpiresAt(NOW.plusSeconds(60)).sign(Algorithm.HMAC256(SECRET));
        assertThat(tokens.authenticate("Bearer " + token)).isEqualTo(Actor.of("owner-1", Role.RESTAURANT_OWNER));
        assertThat(tokens.authenticate("bearer  " + token)).isEqualTo(Actor.of("owner-1", Role.RESTAURANT_OWNER));
    }

    @Test
    void expiryIsCheckedAgainstTheGivenClock() {
        String token = JWT.create().withSubject("c").withClaim("role", "customer")
                .withExpiresAt(NOW.minusSeconds(1)).sign(Algorithm.HMAC256(SECRET));
        assertUnauthenticated("Bearer " + token);
    }

    @Test
    void otherAlgorithmsAndMissingClaimsAreRefused() {
        assertUnauthenticated(null);
        assertUnauthenticated("Basic abc");
        assertUnauthenticated("Bearer " + JWT.create().withSubject("c").withClaim("role", "customer")
                .withExpiresAt(NOW.plusSeconds(60)).sign(Algorithm.none()));
        assertUnauthenticated("Bearer " + JWT.create().withSubject("c").withClaim("role", "customer")
                .withExpiresAt(NOW.plusSeconds(60)).sign(Algorithm.HMAC512(SECRET)));
        assertUnauthenticated("Bearer " + JWT.create().withClaim("role", "customer")
                .withExpiresAt(NOW.plusSeconds(60)).sign(Algorithm.HMAC256(SECRET)));
        assertUnauthenticated("Bearer " + JWT.create().withSubject("c").withClaim("role", "chef")
                .withExpiresAt(NOW.plusSeconds(60)).sign(Algorithm.HMAC256(SECRET)));
        assertUnauthenticated("Bearer " + JWT.create().withSubject("c\u0000").withClaim("role", "customer")
                .withExpiresAt(NOW.plusSeconds(60)).sign(Algorithm.HMAC256(SECRET)));
        assertUnauthenticated("Bearer " + JWT.create().withSubject("c").withClaim("role", "customer")
                .sign(Algorithm.HMAC256(SECRET)));
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpiresAndItsSignatureStillCounts() {
        MovableClock clock = new MovableClock(NOW);
        BearerTokens remembering = new BearerTokens(SECRET, clock);
        String token = JWT.create().withSubject("c").withClaim("role", "customer")
                .withExpiresAt(NOW.plusSeconds(60)).sign(Algorithm.HMAC256(SECRET));
        for (int i = 0; i < 3; i++) {
            assertThat(remembering.authenticate("Bearer " + token)).isEqualTo(Actor.of("c", Role.CUSTOMER));
        }
        String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        assertThatThrownBy(() -> remembering.authenticate("Bearer " + forged)).isInstanceOf(ApiProblemException.class);

        clock.now = NOW.plusSeconds(59);
        assertThat(remembering.authenticate("Bearer " + token)).isEqualTo(Actor.of("c", Role.CUSTOMER));
        clock.now = NOW.plusSeconds(61);
        assertThatThrownBy(() -> remembering.authenticate("Bearer " + token))
                .isInstanceOfSatisfying(ApiProblemException.class,
                        e -> assertThat(e.problem().detail()).contains("expired"));
    }

    @Test
    void aTokenNotYetValidIsRefusedEvenAfterItWasOnceTooEarly() {
        MovableClock clock = new MovableClock(NOW);
        BearerTokens remembering = new BearerTokens(SECRET, clock);
        String token = JWT.create().withSubject("c").withClaim("role", "customer").withNotBefore(NOW.plusSeconds(30))
                .withExpiresAt(NOW.plusSeconds(600)).sign(Algorithm.HMAC256(SECRET));
        assertThatThrownBy(() -> remembering.authenticate("Bearer " + token)).isInstanceOf(ApiProblemException.class);
        clock.now = NOW.plusSeconds(31);
        assertThat(remembering.authenticate("Bearer " + token)).isEqualTo(Actor.of("c", Role.CUSTOMER));
        clock.now = NOW.plusSeconds(29);
        assertThatThrownBy(() -> remembering.authenticate("Bearer " + token)).isInstanceOf(ApiProblemException.class);
    }

    /** A clock the test moves: the remembered token must follow it, not the moment it was first seen. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private void assertUnauthenticated(String authorization) {
        assertThatThrownBy(() -> tokens.authenticate(authorization)).as(String.valueOf(authorization))
                .isInstanceOfSatisfying(ApiProblemException.class, e -> {
                    assertThat(e.problem().type()).isEqualTo(ProblemType.UNAUTHENTICATED);
                    assertThat(e.problem().headers()).containsEntry("WWW-Authenticate", "Bearer");
                });
    }
}
