package com.quickeats.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Main's own logic, in-process: --help, and the one-line refusals with exit status 2. */
class MainTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Main.Launch launch(Map<String, String> env, String... args) {
        Main.Launch launch = Main.launch(List.of(args), env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        launch.service().ifPresent(QuickEatsService::stop);
        return launch;
    }

    private List<String> errLines() {
        return Arrays.stream(err.toString(StandardCharsets.UTF_8).split("\\R")).filter(l -> !l.isBlank()).toList();
    }

    private void assertRefusedWithOneLine(Main.Launch launch, String... fragments) {
        assertThat(launch.exitCode()).isEqualTo(Main.EXIT_STARTUP_FAILED);
        assertThat(launch.service()).isEmpty();
        assertThat(errLines()).singleElement().satisfies(line -> {
            assertThat(line).startsWith("quickeats: ");
            assertThat(line).contains(fragments);
            assertThat(line).doesNotContain("\tat ", "Exception in thread");
        });
    }

    @Test
    void helpListsEveryVariableAndFlagAndExitsZero() {
        Main.Launch launch = launch(Map.of(), "--help");

        assertThat(launch.exitCode()).isZero();
        assertThat(launch.service()).isEmpty();
        String help = out.toString(StandardCharsets.UTF_8);
        for (Setting setting : Setting.values()) {
            assertThat(help).contains(setting.variable(), setting.flag());
        }
        assertThat(help).contains("default: 8000", "default: 24h", "default: ./.quickeats");
        assertThat(err.size()).isZero();
    }

    @Test
    void versionPrintsTheBuildAndExitsZero() {
        Main.Launch launch = launch(Map.of(), "--version");

        assertThat(launch.exitCode()).isZero();
        assertThat(launch.service()).isEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8).strip())
                .matches("quickeats [0-9][^ ]* \\(commit ([0-9a-f]{7,40}|unknown), Java .+\\)")
                .contains("Java " + System.getProperty("java.version"));
        assertThat(err.size()).isZero();
    }

    @Test
    void anUnknownLogFormatIsRefused() {
        assertRefusedWithOneLine(launch(Map.of("QUICKEATS_LOG_FORMAT", "xml")), "QUICKEATS_LOG_FORMAT (--log-format)",
                "text, json", "'xml'");
    }

    @Test
    void aPortThatIsNotANumberIsRefused() {
        assertRefusedWithOneLine(launch(Map.of("PORT", "abc")), "PORT (--port)", "'abc'");
    }

    @Test
    void aShortSecretIsRefused() {
        assertRefusedWithOneLine(launch(Map.of(), "--jwt-secret", "short"), "QUICKEATS_JWT_SECRET", "at least 32 bytes");
    }

    @Test
    void anUnreachableDatabaseIsRefusedQuickly() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        long started = System.nanoTime();

        Main.Launch launch = launch(Map.of("QUICKEATS_JWT_SECRET", SECRET,
                "QUICKEATS_DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + closedPort + "/quickeats",
                "QUICKEATS_DATABASE_PASSWORD", "hunter2"));

        assertRefusedWithOneLine(launch, "cannot connect to the database at jdbc:postgresql://127.0.0.1:" + closedPort,
                "QUICKEATS_DATABASE_URL", "embedded database");
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("hunter2");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aDatabaseThatAcceptsButNeverAnswersIsGivenUpOnWithinTheDocumentedThreeSeconds() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                List<java.net.Socket> held = new java.util.ArrayList<>();
                try {
                    while (true) {
                        held.add(silent.accept()); // accepted, never answered
                    }
                } catch (IOException closed) {
                    held.forEach(socket -> {
                        try {
                            socket.close();
                        } catch (IOException e) {
                            // gone already
                        }
                    });
                }
            }, "silent-database");
            acceptor.start();
            long started = System.nanoTime();

            Main.Launch launch = launch(Map.of("QUICKEATS_JWT_SECRET", SECRET,
                    "QUICKEATS_DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/quickeats"));

            Duration took = Duration.ofNanos(System.nanoTime() - started);
            System.out.println("A silent database was given up on after " + took.toMillis() + " ms");
            assertRefusedWithOneLine(launch, "cannot connect to the database at jdbc:postgresql://127.0.0.1:"
                    + silent.getLocalPort(), "timed out", "QUICKEATS_DATABASE_URL");
            assertThat(took).isBetween(Duration.ofMillis(2_500), Duration.ofMillis(4_500));
        }
    }

    @Test
    void anUnusableDataDirectoryIsRefused(@TempDir Path temp) throws IOException {
        Path aFile = Files.writeString(temp.resolve("not-a-directory"), "x");

        assertRefusedWithOneLine(launch(Map.of("QUICKEATS_DATA_DIR", aFile.resolve("data").toString())),
                "data directory", "QUICKEATS_DATA_DIR (--data-dir)");
    }

    @Test
    void anUnknownFlagIsRefused() {
        assertRefusedWithOneLine(launch(Map.of(), "--verbose"), "unknown option --verbose");
    }
}
