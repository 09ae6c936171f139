package com.quickeats.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bad database URLs as an operator meets them, on the packaged jar: exit status 2 and one line on stderr
 * naming the real cause — nothing from the driver's own logging before it.
 */
class StartupErrorsIT {
    private static final String SECRET = "it-secret-that-is-long-enough-for-hs256-0123456789";

    @Test
    void aJdbcUrlWithAPortThatIsNoPortEndsWithOneLineNamingThePort() throws IOException {
        assertOneLineAndExit2(Map.of("QUICKEATS_JWT_SECRET", SECRET,
                "QUICKEATS_DATABASE_URL", "jdbc:postgresql://db:notaport/q"), "has port 'notaport'");
    }

    @Test
    void aLibpqUrlWithAPortThatIsNoPortEndsWithOneLineNamingThePort() throws IOException {
        assertOneLineAndExit2(Map.of("QUICKEATS_JWT_SECRET", SECRET,
                "QUICKEATS_DATABASE_URL", "postgresql://app:hunter2@db:notaport/q"), "has port 'notaport'");
    }

    private static void assertOneLineAndExit2(Map<String, String> env, String cause) throws IOException {
        try (ServiceProcess service = ServiceProcess.start("startup-error", env)) {
            assertThat(service.awaitExit(Duration.ofSeconds(30))).as(service.output()).isEqualTo(Main.EXIT_STARTUP_FAILED);
            assertThat(service.stderr()).as(service.output()).singleElement().satisfies(line -> assertThat(line)
                    .startsWith("quickeats: QUICKEATS_DATABASE_URL (--database-url) " + cause)
                    .doesNotContain("hunter2"));
        }
    }
}
