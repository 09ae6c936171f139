package com.quickeats.bootstrap;

import com.quickeats.adapter.http.HttpSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How this run of the service is set up, from environment variables and command-line flags (a flag wins
 * over its variable; see {@link Setting}). Parsing checks every value and fails with a one-line
 * {@link ConfigurationException} that says what to change.
 *
 * @param database     an existing PostgreSQL to use; empty: start the embedded one under {@code dataDir}
 * @param jwtSecret    the HS256 secret of bearer tokens; empty only in demo mode, which generates one
 */
public record Configuration(int port, String bind, Optional<ExternalDatabase> database, int poolSize,
                            Optional<String> jwtSecret, Duration idempotencyTtl, Duration outboxRetention,
                            Path dataDir, int embeddedDatabasePort, String logLevel, String logFormat) {

    static final int MAX_POOL_SIZE = 500;
    /**
     * The longest an idempotency record is kept: a retry comes within minutes or hours, and a much longer TTL
     * would push {@code expires_at} past what a timestamp holds.
     */
    static final Duration MAX_IDEMPOTENCY_TTL = Duration.ofDays(365);

    private static final List<String> LOG_LEVELS = List.of("error", "warn", "info", "debug", "trace");
    private static final List<String> LOG_FORMATS = List.of("text", "json");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)");

    public Configuration {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(jwtSecret, "jwtSecret");
        Objects.requireNonNull(idempotencyTtl, "idempotencyTtl");
        Objects.requireNonNull(outboxRetention, "outboxRetention");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(logLevel, "logLevel");
        Objects.requireNonNull(logFormat, "logFormat");
    }

    /** An existing PostgreSQL server: a JDBC URL and the credentials to use on it. */
    public record ExternalDatabase(String jdbcUrl, Optional<String> user, Optional<String> password) {
        public ExternalDatabase {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }

        /** The URL with any password in it replaced by {@code ***}, fit for messages and logs. */
        public String redactedUrl() {
            return redact(jdbcUrl);
        }

        @Override
        public String toString() {
            return "ExternalDatabase[" + redactedUrl() + " user=" + user.orElse("") + "]";
        }
    }

    /**
     * Demo mode: the embedded database and no secret configured. The service then generates a secret for
     * the run, seeds demo restaurants and prints a token per demo user.
     */
    public boolean demoMode() {
        return database.isEmpty() && jwtSecret.isEmpty();
    }

    /** The embedded database's files, under the data directory. */
    public Path embeddedDatabaseDirectory() {
        return dataDir.resolve("postgres");
    }

    @Override
    public String toString() {
        return "Configuration[port=" + port + " bind=" + bind + " database=" + database.map(Object::toString)
                .orElse("embedded") + " poolSize=" + poolSize + " jwtSecret=" + (jwtSecret.isPresent() ? "***" : "none")
                + " idempotencyTtl=" + idempotencyTtl + " outboxRetention=" + outboxRetention + " dataDir=" + dataDir + " embeddedDatabasePort="
                + embeddedDatabasePort + " logLevel=" + logLevel + " logFormat=" + logFormat + "]";
    }

    /** Whether the arguments ask for the list of settings instead of a run. */
    public static boolean helpRequested(List<String> args) {
        return args.contains("--help") || args.contains("-h");
    }

    /**
     * Reads the settings from {@code env} and {@code args} ({@code --flag value} or {@code --flag=value}).
     *
     * @throws ConfigurationException naming the first value that cannot be used, and what would do
     */
    public static Configuration parse(List<String> args, Map<String, String> env) {
        Map<Setting, String> raw = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            String value = env.get(setting.variable());
            if (value != null && !value.isBlank()) {
                raw.put(setting, value.trim());
            }
        }
        readFlags(args, raw);

        int port = integer(raw, Setting.PORT, 0, 65_535, "a free TCP port, e.g. 8000");
        String bind = text(raw, Setting.BIND);
        int poolSize = integer(raw, Setting.DB_POOL_SIZE, 1, MAX_POOL_SIZE, "e.g. 10");
        int embeddedPort = integer(raw, Setting.EMBEDDED_DB_PORT, 0, 65_535, "a free TCP port, or 0 for any");
        Duration ttl = duration(raw, Setting.IDEMPOTENCY_TTL);
        if (ttl.compareTo(MAX_IDEMPOTENCY_TTL) > 0) {
            throw new ConfigurationException(Setting.IDEMPOTENCY_TTL.names() + " must be at most 365d, not '"
                    + raw.get(Setting.IDEMPOTENCY_TTL) + "'; the default is 24h");
        }
        Duration retention = duration(raw, Setting.OUTBOX_RETENTION);
        Path dataDir = path(raw, Setting.DATA_DIR);
        Optional<ExternalDatabase> database = database(raw);
        Optional<String> secret = Optional.ofNullable(raw.get(Setting.JWT_SECRET));
        if (secret.isPresent()) {
            int bytes = secret.get().getBytes(StandardCharsets.UTF_8).length;
            if (bytes < HttpSettings.MIN_SECRET_BYTES) {
                throw new ConfigurationException(Setting.JWT_SECRET.names() + " is " + bytes + " bytes long but must be at least "
                        + HttpSettings.MIN_SECRET_BYTES + " bytes; generate one with: openssl rand -base64 48");
            }
        } else if (database.isPresent()) {
            throw new ConfigurationException(Setting.JWT_SECRET.names() + " is not set, but " + Setting.DATABASE_URL.variable()
                    + " is: outside demo mode the service needs the secret its tokens are signed with; set it to at least "
                    + HttpSettings.MIN_SECRET_BYTES + " bytes, e.g. the output of: openssl rand -base64 48");
        }
        return new Configuration(port, bind, database, poolSize, secret, ttl, retention, dataDir, embeddedPort,
                oneOf(raw, Setting.LOG_LEVEL, LOG_LEVELS), oneOf(raw, Setting.LOG_FORMAT, LOG_FORMATS));
    }

    private static void readFlags(List<String> args, Map<Setting, String> raw) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new ConfigurationException("unexpected argument '" + arg + "'; settings are given as --flag value"
                        + " or environment variables, see --help");
            }
            int equals = arg.indexOf('=');
            String flag = equals < 0 ? arg : arg.substring(0, equals);
            Setting setting = Setting.byFlag(flag).orElseThrow(() -> new ConfigurationException(
                    "unknown option " + flag + "; run with --help to list the settings"));
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            } else {
                throw new ConfigurationException(flag + " needs a value, e.g. " + flag + " "
                        + setting.defaultValue().orElse("VALUE") + "; run with --help to list the settings");
            }
            if (value.isBlank()) {
                raw.remove(setting);
            } else {
                raw.put(setting, value.trim());
            }
        }
    }

    private static String text(Map<Setting, String> raw, Setting setting) {
        return Optional.ofNullable(raw.get(setting)).or(setting::defaultValue).orElseThrow();
    }

    private static int integer(Map<Setting, String> raw, Setting setting, int min, int max, String example) {
        String value = text(raw, setting);
        int parsed;
        try {
            parsed = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ConfigurationException(setting.names() + " must be a whole number from " + min + " to " + max
                    + ", not '" + value + "'; set it to " + example);
        }
        if (parsed < min || parsed > max) {
            throw new ConfigurationException(setting.names() + " must be from " + min + " to " + max + ", not " + parsed
                    + "; set it to " + example);
        }
        return parsed;
    }

    private static String oneOf(Map<Setting, String> raw, Setting setting, List<String> allowed) {
        String value = text(raw, setting).toLowerCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            throw new ConfigurationException(setting.names() + " must be one of " + String.join(", ", allowed)
                    + ", not '" + value + "'");
        }
        return value;
    }

    static Duration duration(Map<Setting, String> raw, Setting setting) {
        String value = text(raw, setting);
        Duration parsed = parseDuration(value).orElseThrow(() -> new ConfigurationException(setting.names()
                + " must be a duration like 24h, 90m, 7d or PT24H, not '" + value + "'"));
        if (parsed.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new ConfigurationException(setting.names() + " must be at least one second, not '" + value
                    + "'; the default is 24h");
        }
        return parsed;
    }

    /** {@code 24h}, {@code 90m}, {@code 30s}, {@code 500ms}, {@code 7d}, or ISO-8601 such as {@code PT24H} / {@code P1D}. */
    static Optional<Duration> parseDuration(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        Matcher shortForm = SHORT_DURATION.matcher(text);
        if (shortForm.matches()) {
            long amount = Long.parseLong(shortForm.group(1));
            return Optional.of(switch (shortForm.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
        }
        try {
            return Optional.of(Duration.parse(text.toUpperCase(Locale.ROOT)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Path path(Map<Setting, String> raw, Setting setting) {
        String value = text(raw, setting);
        try {
            return Path.of(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new ConfigurationException(setting.names() + " is not a usable path: '" + value + "' ("
                    + e.getReason() + ")");
        }
    }

    private static Optional<ExternalDatabase> database(Map<Setting, String> raw) {
        String url = raw.get(Setting.DATABASE_URL);
        Optional<String> user = Optional.ofNullable(raw.get(Setting.DATABASE_USER));
        Optional<String> password = Optional.ofNullable(raw.get(Setting.DATABASE_PASSWORD));
        if (url == null) {
            if (user.isPresent() || password.isPresent()) {
                throw new ConfigurationException(Setting.DATABASE_USER.variable() + " or " + Setting.DATABASE_PASSWORD.variable()
                        + " is set but " + Setting.DATABASE_URL.names() + " is not; set the URL too, e.g. "
                        + "jdbc:postgresql://localhost:5432/quickeats, or unset them to use the embedded database");
            }
            return Optional.empty();
        }
        return Optional.of(DatabaseUrl.parse(url, user, password));
    }

    /** Hides passwords in a database URL: {@code password=***} and {@code //user:***@}. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***").replaceAll("//([^/:@]*):[^/@]*@", "//$1:***@");
    }
}
