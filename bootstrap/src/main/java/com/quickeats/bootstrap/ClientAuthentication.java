package com.quickeats.bootstrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Who may log in to the embedded PostgreSQL ({@code pg_hba.conf}): the service's user, over loopback TCP,
 * with its password (SCRAM), and nobody else: no {@code trust} line, no Unix-socket login, no replication.
 * The service writes the file on every start, so a directory from an older QuickEats (which trusted every
 * local connection) is tightened on its first start with this one.
 */
final class ClientAuthentication {
    static final String METHOD = "scram-sha-256";

    private static final String FILE_NAME = "pg_hba.conf";
    private static final String PASSWORD_ONLY = """
            # Written by QuickEats at every start; edits are overwritten. Only the service logs in, with the
            # password it keeps in ../%s (mode 0600).
            host all %s 127.0.0.1/32 %s
            host all %s ::1/128 %s
            """.formatted(EmbeddedCredentials.FILE_NAME, EmbeddedDatabase.USER, METHOD, EmbeddedDatabase.USER, METHOD);
    /**
     * Only while a directory without a kept password is given one: the server must let the service in
     * once to set it, as the older QuickEats that made the directory did.
     */
    private static final String WHILE_SETTING_THE_PASSWORD = """
            # Written by QuickEats for the seconds it takes to set the password; replaced right after.
            host all %s 127.0.0.1/32 trust
            host all %s ::1/128 trust
            """.formatted(EmbeddedDatabase.USER, EmbeddedDatabase.USER);

    private ClientAuthentication() {
    }

    /**
     * Password logins only. The server reads the file at start, or on {@code pg_reload_conf()}.
     *
     * @return whether the file changed (and a running server must reload it)
     */
    static boolean requirePassword(Path databaseDirectory) {
        return write(databaseDirectory, PASSWORD_ONLY);
    }

    /** Lets the service in without a password, for the start that gives the directory its password. */
    static void admitTheServiceToSetItsPassword(Path databaseDirectory) {
        write(databaseDirectory, WHILE_SETTING_THE_PASSWORD);
    }

    private static boolean write(Path databaseDirectory, String content) {
        Path file = databaseDirectory.resolve(FILE_NAME);
        try {
            if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
                return false;
            }
            PrivateFiles.write(file, content);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            throw new StartupException("cannot write " + file + " (" + Failures.describe(e)
                    + "); it decides who may log in to the embedded database", e);
        }
    }
}
