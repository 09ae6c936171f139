package com.quickeats.bootstrap;

/** The text of {@code --help}: every setting with its variable, flag, default and meaning. */
final class Help {
    private Help() {
    }

    static String text() {
        StringBuilder text = new StringBuilder()
                .append("QuickEats order service\n\n")
                .append("Usage: java -jar quickeats.jar [--flag value | --flag=value ...]\n\n")
                .append("Every setting is an environment variable; the flag of the same meaning overrides it.\n")
                .append("With no database URL the service starts an embedded PostgreSQL under the data directory;\n")
                .append("with no JWT secret as well it runs in demo mode: demo data and printed tokens.\n\n");
        for (Setting setting : Setting.values()) {
            text.append(String.format("  %-28s %-22s %s%n", setting.variable(), setting.flag(), setting.description()));
            setting.defaultValue().ifPresent(value ->
                    text.append(String.format("  %-28s %-22s default: %s%n", "", "", value)));
        }
        return text.append("\n  --help, -h                  this text\n")
                .append("  --version                   the version, its git commit and the Java runtime; then exit\n")
                .append("\nExit status: 0 after a clean stop (SIGTERM, Ctrl-C), 2 when start-up fails.\n")
                .append("Operations guide: docs/operations.md\n")
                .toString();
    }
}
