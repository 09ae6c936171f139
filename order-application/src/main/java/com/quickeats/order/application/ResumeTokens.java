package com.quickeats.order.application;

import com.quickeats.order.application.port.out.FeedPosition;
import com.quickeats.order.domain.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The feed's event ids: a position in the feed and the time of its event, sealed with an HMAC under the
 * service's secret, so that an edited token, or one issued by another deployment, is refused instead of
 * silently skipping or repeating events. It says where to continue, never what the caller may see.
 */
final class ResumeTokens {
    private static final String VERSION = "e1";
    private static final String FIELD = "last_event_id";

    private static final int BLOCK = 64;

    /** The HMAC key, a SHA-256 of the service's secret under this purpose's name: one block, zero-padded. */
    private final byte[] key;

    ResumeTokens(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the resume tokens' secret needs at least 32 bytes");
        }
        byte[] purpose = "quickeats-feed-resume\n".getBytes(StandardCharsets.UTF_8);
        byte[] derived = sha256(purpose, secret);
        this.key = Arrays.copyOf(derived, BLOCK);
    }

    /** A resume token as the client sees it. */
    record Decoded(FeedPosition position, Instant occurredAt) {
    }

    String encode(FeedPosition position, Instant occurredAt) {
        String plain = VERSION + "." + position.transaction() + "." + position.sequence() + "."
                + occurredAt.getEpochSecond();
        String sealed = plain + "." + seal(plain);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws InvalidInputException when the token was not issued by this service or was edited */
    Decoded decode(String token) {
        String sealed;
        try {
            sealed = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw foreign();
        }
        int lastDot = sealed.lastIndexOf('.');
        String[] parts = sealed.split("\\.", -1);
        if (parts.length != 5 || !VERSION.equals(parts[0])
                || !MessageDigest.isEqual(seal(sealed.substring(0, lastDot)).getBytes(StandardCharsets.US_ASCII),
                        parts[4].getBytes(StandardCharsets.US_ASCII))) {
            throw foreign();
        }
        try {
            return new Decoded(new FeedPosition(Long.parseLong(parts[1]), Long.parseLong(parts[2])),
                    Instant.ofEpochSecond(Long.parseLong(parts[3])));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw foreign();
        }
    }

    /** HMAC-SHA256 (RFC 2104) written out with {@link MessageDigest}, truncated to 128 bits. */
    private String seal(String plain) {
        byte[] inner = new byte[BLOCK];
        byte[] outer = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            inner[i] = (byte) (key[i] ^ 0x36);
            outer[i] = (byte) (key[i] ^ 0x5c);
        }
        byte[] mac = sha256(outer, sha256(inner, plain.getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(mac, 0, 16);
    }

    private static byte[] sha256(byte[] first, byte[] second) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(first);
            return digest.digest(second);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static InvalidInputException expired(String retention) {
        return InvalidInputException.of(FIELD, "is older than the " + retention + " the feed keeps events for;"
                + " reload the orders and subscribe again without it");
    }

    private static InvalidInputException foreign() {
        return InvalidInputException.of(FIELD, "is not an event id this service issued; subscribe again without it");
    }
}
