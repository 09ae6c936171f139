package com.quickeats.adapter.http.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.AlgorithmMismatchException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.MissingClaimException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.quickeats.adapter.http.problem.ApiProblemException;
import com.quickeats.order.domain.Actor;
import com.quickeats.order.domain.Role;
import com.quickeats.order.domain.UserId;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is calling (contract §3): an {@code Authorization: Bearer} HS256 JWT with the claims {@code sub}
 * (a string), {@code role} (one of the four roles) and {@code exp}. Anything else — no token, another
 * algorithm (including {@code none}), a bad signature, an expired token, a missing or ill-typed claim — is
 * a 401 with {@code WWW-Authenticate: Bearer}. Signature checks are java-jwt's, not ours.
 *
 * <p>A client sends the same token on every request until it expires, and java-jwt's decode, HMAC and claim
 * parsing cost more than a cached read of an order. So a token java-jwt accepted is remembered with who it
 * names and its time window; the same token string (signature included) is then trusted again only while
 * the clock is at least {@link #CACHE_MARGIN} inside that window. Near {@code exp} or {@code nbf}, and for
 * every token never accepted, java-jwt decides — the answer is the same as without the cache.
 */
public final class BearerTokens {
    private static final String SCHEME = "bearer ";
    /** How far inside its validity window a remembered token must be to skip java-jwt's time checks. */
    static final Duration CACHE_MARGIN = Duration.ofSeconds(2);
    /** Remembered tokens; past this many the memory is dropped and rebuilt, so a flood of tokens stays bounded. */
    static final int CACHE_LIMIT = 4_096;

    private final JWTVerifier verifier;
    private final Clock clock;
    private final Map<String, Accepted> accepted = new ConcurrentHashMap<>();

    /** A token java-jwt accepted: whom it names and when it stops (and, if it says so, starts) being valid. */
    private record Accepted(Actor actor, Instant expiresAt, Instant notBefore) {
        boolean validAt(Instant now) {
            return now.plus(CACHE_MARGIN).isBefore(expiresAt)
                    && (notBefore == null || now.minus(CACHE_MARGIN).isAfter(notBefore));
        }
    }

    public BearerTokens(byte[] secret, Clock clock) {
        JWTVerifier.BaseVerification verification = (JWTVerifier.BaseVerification) JWT.require(Algorithm.HMAC256(secret))
                .withClaimPresence("sub")
                .withClaimPresence("role")
                .withClaimPresence("exp")
                .ignoreIssuedAt();
        this.verifier = verification.build(clock);
        this.clock = clock;
    }

    public Actor authenticate(Context ctx) {
        return authenticate(ctx.header("Authorization"));
    }

    Actor authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw ApiProblemException.unauthenticated("Send Authorization: Bearer <token>.");
        }
        String header = authorization.strip();
        if (!header.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
            throw ApiProblemException.unauthenticated("The Authorization header must use the Bearer scheme.");
        }
        String raw = header.substring(SCHEME.length()).strip();
        Accepted known = accepted.get(raw);
        if (known != null && known.validAt(clock.instant())) {
            return known.actor();
        }
        DecodedJWT token = verify(raw);
        Actor actor = actor(token);
        if (accepted.size() >= CACHE_LIMIT) {
            accepted.clear();
        }
        accepted.put(raw, new Accepted(actor, token.getExpiresAtAsInstant(), token.getNotBeforeAsInstant()));
        return actor;
    }

    private static Actor actor(DecodedJWT token) {
        String sub = token.getClaim("sub").asString();
        if (sub == null || sub.isBlank() || sub.length() > UserId.MAX_LENGTH
                || sub.chars().anyMatch(Character::isISOControl)) {
            throw ApiProblemException.unauthenticated("The token's sub claim must be a non-blank string of at most "
                    + UserId.MAX_LENGTH + " characters, without control characters.");
        }
        Role role = Optional.ofNullable(token.getClaim("role").asString())
                .flatMap(Role::fromWireName)
                .orElseThrow(() -> ApiProblemException.unauthenticated("The token's role claim must be one of "
                        + Arrays.stream(Role.values()).map(Role::wireName).toList() + "."));
        if (token.getExpiresAtAsInstant() == null) {
            throw ApiProblemException.unauthenticated("The token's exp claim must be a number of seconds.");
        }
        return Actor.of(sub, role);
    }

    private DecodedJWT verify(String token) {
        try {
            return verifier.verify(token);
        } catch (TokenExpiredException e) {
            throw ApiProblemException.unauthenticated("The bearer token has expired.");
        } catch (AlgorithmMismatchException e) {
            throw ApiProblemException.unauthenticated("The bearer token must be signed with HS256.");
        } catch (SignatureVerificationException e) {
            throw ApiProblemException.unauthenticated("The bearer token's signature is not valid.");
        } catch (MissingClaimException e) {
            throw ApiProblemException.unauthenticated("The bearer token lacks the claim '" + e.getClaimName()
                    + "'; sub, role and exp are required.");
        } catch (JWTVerificationException | IllegalArgumentException e) {
            throw ApiProblemException.unauthenticated("The bearer token is not a valid JWT.");
        }
    }
}
