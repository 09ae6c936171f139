package com.quickeats.bootstrap;

import com.quickeats.testing.postgres.TestDatabase;
import java.util.List;
import java.util.Map;

/**
 * The real service on a test's PostgreSQL, set up the way an operator points it at an external database:
 * every setting not named here — pool size, connection and lock timeouts, TTLs — keeps its production
 * default, so what a test proves holds for the service as it ships.
 */
public final class ServiceOnTestDatabase {
    private ServiceOnTestDatabase() {
    }

    /** On the system clock. */
    public static QuickEatsService start(TestDatabase database, String jwtSecret) {
        return start(database, jwtSecret, QuickEatsService.Environment.system());
    }

    /** Listening on a free loopback port; {@code environment} as a test needs it (its own clock). */
    public static QuickEatsService start(TestDatabase database, String jwtSecret,
                                         QuickEatsService.Environment environment) {
        return QuickEatsService.start(Configuration.parse(List.of("--port", "0", "--bind", "127.0.0.1"), Map.of(
                Setting.DATABASE_URL.variable(), database.jdbcUrl(),
                Setting.DATABASE_USER.variable(), database.user(),
                Setting.DATABASE_PASSWORD.variable(), database.password(),
                Setting.JWT_SECRET.variable(), jwtSecret)), environment);
    }
}
