package com.quickeats.bootstrap.e2e;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Bearer tokens as an identity provider would issue them, and the broken ones an attacker would try. */
final class Tokens {
    static final byte[] SECRET = "e2e-secret-of-the-quickeats-order-service!".getBytes(StandardCharsets.US_ASCII);
    private static final Algorithm HS256 = Algorithm.HMAC256(SECRET);

    private Tokens() {
    }

    static String valid(String sub, String role) {
        return JWT.create().withSubject(sub).withClaim("role", role)
                .withExpiresAt(Instant.now().plusSeconds(3600)).sign(HS256);
    }

    static String expired(String sub, String role) {
        return JWT.create().withSubject(sub).withClaim("role", role)
                .withExpiresAt(Instant.now().minusSeconds(60)).sign(HS256);
    }

    static String signedWith(byte[] otherSecret, String sub, String role) {
        return JWT.create().withSubject(sub).withClaim("role", role)
                .withExpiresAt(Instant.now().plusSeconds(3600)).sign(Algorithm.HMAC256(otherSecret));
    }

    /** HS512 with the right secret: the right key, the wrong algorithm. */
    static String hs512(String sub, String role) {
        return JWT.create().withSubject(sub).withClaim("role", role)
                .withExpiresAt(Instant.now().plusSeconds(3600)).sign(Algorithm.HMAC512(SECRET));
    }

    /** {@code alg: none}, unsigned. */
    static String unsigned(String sub, String role) {
        return JWT.create().withSubject(sub).withClaim("role", role)
                .withExpiresAt(Instant.now().plusSeconds(3600)).sign(Algorithm.none());
    }

    /** A token whose payload is exactly {@code payloadJson}, correctly signed with HS256. */
    static String withPayload(String payloadJson) {
        String header = base64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String payload = base64(payloadJson);
        byte[] signature = HS256.sign(header.getBytes(StandardCharsets.US_ASCII),
                payload.getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    static long inAnHour() {
        return Instant.now().plusSeconds(3600).getEpochSecond();
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
