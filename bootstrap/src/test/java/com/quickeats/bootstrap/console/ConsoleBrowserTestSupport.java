package com.quickeats.bootstrap.console;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    /**
     * The browser refuses the live feed (a screen whose feed is down), so that a test can show what the console
     * does without it. In force for this window until {@link #restoreLiveFeed()}.
     */
    static void cutLiveFeed() {
        console.browser.executeCdpCommand("Network.enable", Map.of());
        console.browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/api/v2/orders/stream*")));
    }

    static void restoreLiveFeed() {
        console.browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
    }

    @AfterAll
    static void stopServiceAndBrowser() {
        if (console != null) {
            console.close();
            console = null;
        }
    }
}
