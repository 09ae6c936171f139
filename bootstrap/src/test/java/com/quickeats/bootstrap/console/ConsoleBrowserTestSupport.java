package com.quickeats.bootstrap.console;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** One service and one browser per browser-test class, in a data directory of its own. */
abstract class ConsoleBrowserTestSupport {
    @TempDir
    static Path dataDir;

    static ConsoleHarness console;

    @BeforeAll
    static void startServiceAndBrowser() throws IOException {
        console = ConsoleHarness.start(dataDir);
    }

    @AfterAll
    static void stopServiceAndBrowser() {
        if (console != null) {
            console.close();
            console = null;
        }
    }
}
