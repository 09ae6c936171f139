package com.quickeats.bootstrap;

import java.util.Arrays;
import java.util.Optional;

/**
 * One configurable value of the service: read from an environment variable, which a command-line flag of
 * the same meaning overrides. The order here is the order of {@code --help}.
 */
enum Setting {
    PORT("PORT", "--port", "8000", "HTTP port to listen on; 0 picks a free port"),
    BIND("QUICKEATS_BIND", "--bind", "127.0.0.1", "address to listen on; 0.0.0.0 for every interface"),
    DATABASE_URL("QUICKEATS_DATABASE_URL", "--database-url", null,
            "an existing PostgreSQL (jdbc:postgresql://host:5432/db or postgresql://user:pass@host/db); "
                    + "unset: start the embedded PostgreSQL"),
    DATABASE_USER("QUICKEATS_DATABASE_USER", "--database-user", null, "user for QUICKEATS_DATABASE_URL"),
    DATABASE_PASSWORD("QUICKEATS_DATABASE_PASSWORD", "--database-password", null,
            "password for QUICKEATS_DATABASE_URL"),
    DB_POOL_SIZE("QUICKEATS_DB_POOL_SIZE", "--db-pool-size", "10", "maximum database connections (1-500)"),
    JWT_SECRET("QUICKEATS_JWT_SECRET", "--jwt-secret", null,
            "HS256 secret for bearer tokens, at least 32 bytes; unset on the embedded database: demo mode"),
    IDEMPOTENCY_TTL("QUICKEATS_IDEMPOTENCY_TTL", "--idempotency-ttl", "24h",
            "how long Idempotency-Key outcomes are kept: 24h, 90m, 7d or ISO-8601 (PT24H)"),
    OUTBOX_RETENTION("QUICKEATS_OUTBOX_RETENTION", "--outbox-retention", "24h",
            "how long order events stay in the outbox, resumable by the live feed (Last-Event-ID): 24h, 7d, …"),
    DATA_DIR("QUICKEATS_DATA_DIR", "--data-dir", "./.quickeats", "where the embedded PostgreSQL keeps its data"),
    EMBEDDED_DB_PORT("QUICKEATS_EMBEDDED_DB_PORT", "--embedded-db-port", "0",
            "TCP port of the embedded PostgreSQL on 127.0.0.1; 0 picks a free port"),
    LOG_LEVEL("QUICKEATS_LOG_LEVEL", "--log-level", "info", "log level: error, warn, info, debug or trace"),
    LOG_FORMAT("QUICKEATS_LOG_FORMAT", "--log-format", "text",
            "log lines as text, or json: one JSON object per line (logback's JsonEncoder)");

    private final String variable;
    private final String flag;
    private final String defaultValue;
    private final String description;

    Setting(String variable, String flag, String defaultValue, String description) {
        this.variable = variable;
        this.flag = flag;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    String variable() {
        return variable;
    }

    String flag() {
        return flag;
    }

    Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    String description() {
        return description;
    }

    /** How the setting is named in messages: {@code PORT (--port)}. */
    String names() {
        return variable + " (" + flag + ")";
    }

    static Optional<Setting> byFlag(String flag) {
        return Arrays.stream(values()).filter(s -> s.flag.equals(flag)).findFirst();
    }
}
