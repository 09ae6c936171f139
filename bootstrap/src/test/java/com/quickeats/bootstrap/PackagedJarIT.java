package com.quickeats.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packaged jar's command line: --help, and a bad value ends the run with one line and status 2. */
class PackagedJarIT {

    @Test
    void helpListsTheSettingsAndExitsZero() throws IOException {
        try (ServiceProcess process = ServiceProcess.start("help", Map.of(), "--help")) {
            assertThat(process.awaitExit(Duration.ofSeconds(30))).isZero();
            assertThat(String.join("\n", process.stdout())).contains("QUICKEATS_DATABASE_URL", "--database-url", "PORT");
        }
    }

    @Test
    void aBadPortEndsStartUpWithOneLineAndStatusTwo() throws IOException {
        try (ServiceProcess process = ServiceProcess.start("bad-port", Map.of("PORT", "http"))) {
            assertThat(process.awaitExit(Duration.ofSeconds(30))).isEqualTo(2);
            assertThat(process.stderr()).singleElement().satisfies(line ->
                    assertThat(line).startsWith("quickeats: PORT (--port) must be a whole number"));
        }
    }
}
