package com.quickeats.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watchdog's script against a stand-in postmaster (a real process named in {@code postmaster.pid}). That
 * it wakes up when a killed service's pipe closes is proven on the packaged jar, in {@code EmbeddedServiceIT}.
 */
class PostmasterWatchdogTest {

    @Test
    void aServiceThatGivesUpOnItsServerHasTheWatchdogStopIt(@TempDir Path directory) throws Exception {
        Process postmaster = standInPostmaster(directory, "exec sleep 120");
        PostmasterWatchdog watchdog = PostmasterWatchdog.start(directory, directory.resolve("watchdog.log"));

        watchdog.abandon();

        assertThat(postmaster.waitFor(5, TimeUnit.SECONDS)).as("stopped by SIGINT").isTrue();
        assertThat(Files.readString(directory.resolve("watchdog.log"))).contains("fast shutdown of its PostgreSQL (pid "
                + postmaster.pid() + ")");
    }

    @Test
    void aServiceThatStoppedItsServerItselfDismissesTheWatchdog(@TempDir Path directory) throws Exception {
        Process postmaster = standInPostmaster(directory, "exec sleep 120");
        try {
            PostmasterWatchdog watchdog = PostmasterWatchdog.start(directory, directory.resolve("watchdog.log"));

            watchdog.dismiss();

            assertThat(ProcessHandle.of(watchdog.pid())).as("the watchdog left").isEmpty();
            assertThat(postmaster.isAlive()).as("and touched nothing").isTrue();
        } finally {
            postmaster.destroyForcibly();
        }
    }

    @Test
    void aPostmasterThatIgnoresTheFastShutdownIsStoppedAnyway(@TempDir Path directory) throws Exception {
        Process postmaster = standInPostmaster(directory, "trap '' INT; exec sleep 120");
        PostmasterWatchdog watchdog = PostmasterWatchdog.start(directory, directory.resolve("watchdog.log"));
        long abandoned = System.nanoTime();

        watchdog.abandon();

        assertThat(postmaster.waitFor(5, TimeUnit.SECONDS)).as("stopped by SIGQUIT or SIGKILL").isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - abandoned)).isGreaterThan(Duration.ofSeconds(9));
        assertThat(Files.readString(directory.resolve("watchdog.log"))).contains("immediate shutdown");
    }

    @Test
    void aServerThatIsAlreadyGoneIsLeftAlone(@TempDir Path directory) {
        PostmasterWatchdog watchdog = PostmasterWatchdog.start(directory, directory.resolve("watchdog.log"));
        long abandoned = System.nanoTime();

        watchdog.abandon();

        assertThat(Duration.ofNanos(System.nanoTime() - abandoned)).isLessThan(Duration.ofSeconds(5));
        assertThat(directory.resolve("watchdog.log")).isEmptyFile();
    }

    /** A process standing in for the postmaster, named in the directory's {@code postmaster.pid} as PostgreSQL does. */
    private static Process standInPostmaster(Path directory, String script) throws IOException {
        Process process = new ProcessBuilder("/bin/sh", "-c", script).start();
        Files.writeString(directory.resolve("postmaster.pid"), process.pid() + "\n" + directory + "\n");
        return process;
    }
}
