package com.quickeats.bootstrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The password of the embedded PostgreSQL's only user. The service makes it up on the first start and keeps
 * it in a file beside the database that only the service's own user may read (mode 0600): the database then
 * answers its owner and nobody else on the machine, also while the service runs.
 */
final class EmbeddedCredentials {
    /** Beside (not inside) PostgreSQL's directory: initdb wants that one empty, and the password comes first. */
    static final String FILE_NAME = "postgres-password";

    private static final int PASSWORD_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private EmbeddedCredentials() {
    }

    /** Where the password of the database in {@code databaseDirectory} is kept. */
    static Path fileFor(Path databaseDirectory) {
        return databaseDirectory.resolveSibling(FILE_NAME);
    }

    /** The kept password, if there is one; its file is narrowed back to its owner if someone widened it. */
    static Optional<String> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            if (!Files.getPosixFilePermissions(file).equals(PrivateFiles.OWNER_ONLY)) {
                Files.setPosixFilePermissions(file, PrivateFiles.OWNER_ONLY);
            }
            String password = Files.readString(file, StandardCharsets.UTF_8).strip();
            return password.isEmpty() ? Optional.empty() : Optional.of(password);
        } catch (IOException | UnsupportedOperationException e) {
            throw new StartupException("cannot read the embedded database's password in " + file + " ("
                    + Failures.describe(e) + "); it must be a file this user may read and write", e);
        }
    }

    /**
     * A new password: 256 random bits, URL-safe Base64, so it needs no quoting in SQL, a shell or a URL.
     */
    static String generate() {
        byte[] bytes = new byte[PASSWORD_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Keeps {@code password} in {@code file}, readable by this user alone from its first byte on. */
    static void write(Path file, String password) {
        try {
            PrivateFiles.write(file, password + "\n");
        } catch (IOException | UnsupportedOperationException e) {
            throw new StartupException("cannot keep the embedded database's password in " + file + " ("
                    + Failures.describe(e) + "); set " + Setting.DATA_DIR.names() + " to a directory this user may write to", e);
        }
    }
}
