package com.quickeats.bootstrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Files only their owner may read (0600), as the embedded database's password and login rules must be. */
final class PrivateFiles {
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /**
     * Replaces {@code file} with {@code content} in one step, so a crash leaves the old file or the new one,
     * and no other user can read the new one at any moment (it is created 0600, then renamed into place).
     */
    static void write(Path file, String content) throws IOException {
        Path draft = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".new",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try {
            Files.writeString(draft, content, StandardCharsets.UTF_8);
            Files.move(draft, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(draft);
        }
    }
}
