package com.quickeats.adapter.http.idempotency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What tells a retry from a different request under the same idempotency key (contract §7): the method,
 * the path without trailing slashes and the SHA-256 of the body bytes.
 */
final class RequestFingerprint {
    private RequestFingerprint() {
    }

    static String of(String method, String path, byte[] body) {
        return method + " " + normalise(path) + " sha256:" + HexFormat.of().formatHex(sha256(body));
    }

    static String normalise(String path) {
        String normalised = path;
        while (normalised.length() > 1 && normalised.endsWith("/")) {
            normalised = normalised.substring(0, normalised.length() - 1);
        }
        return normalised;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
