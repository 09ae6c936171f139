package com.quickeats.bootstrap;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tiny shell process that stops the embedded PostgreSQL when the service that started it is gone, however
 * it went: even a {@code kill -9}, which runs no shutdown hook, closes the pipe the service holds to the
 * watchdog's standard input, and the watchdog wakes up on that end of input. It then asks the postmaster
 * named in {@code postmaster.pid} for a fast shutdown (SIGINT: sessions end, nothing committed is lost); if
 * the postmaster is still there 10 s later, for an immediate one (SIGQUIT), and 5 s after that it kills it
 * (recovery replays the WAL on the next start). A service that stops the server itself says {@code stopped}
 * first, and the watchdog just leaves.
 *
 * <p>It ignores the terminal's SIGINT/SIGHUP/SIGQUIT: Ctrl-C reaches the whole process group, and the service
 * then stops the server itself. Its output goes to a log file: writing to the dead service's pipe would kill it.
 */
final class PostmasterWatchdog {
    static final String NAME = "quickeats-postgres-watchdog";

    private static final Logger LOG = LoggerFactory.getLogger(PostmasterWatchdog.class);
    private static final String SCRIPT = """
            trap '' INT HUP QUIT
            while read -r word; do
              if [ "$word" = stopped ]; then exit 0; fi
            done
            [ -f "$1" ] || exit 0
            pid=
            read -r pid 2>/dev/null < "$1"
            case "$pid" in ''|*[!0-9]*) exit 0 ;; esac
            kill -INT "$pid" 2>/dev/null || exit 0
            echo "$(date) QuickEats is gone: fast shutdown of its PostgreSQL (pid $pid)"
            tries=0
            while kill -0 "$pid" 2>/dev/null; do
              tries=$((tries + 1))
              case "$tries" in
                100) echo "$(date) PostgreSQL (pid $pid) still running: immediate shutdown"; kill -QUIT "$pid" ;;
                150) echo "$(date) PostgreSQL (pid $pid) still running: killed"; kill -KILL "$pid" ;;
                200) exit 1 ;;
              esac
              sleep 0.1
            done
            """;
    /** Longer than the script's own 20 s ceiling. */
    private static final Duration EXIT_WAIT = Duration.ofSeconds(25);

    private final Process process;

    private PostmasterWatchdog(Process process) {
        this.process = process;
    }

    /** Watches over the server of {@code databaseDirectory}, whenever it starts; logs to {@code log}. */
    static PostmasterWatchdog start(Path databaseDirectory, Path log) {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", SCRIPT, NAME,
                databaseDirectory.resolve("postmaster.pid").toString())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true);
        try {
            return new PostmasterWatchdog(builder.start());
        } catch (IOException e) {
            throw new StartupException("cannot start the watchdog that stops the embedded PostgreSQL if this service dies ("
                    + Failures.describe(e) + "); it needs /bin/sh", e);
        }
    }

    /** The service stopped the server itself: the watchdog leaves it alone and exits. */
    void dismiss() {
        try (OutputStream in = process.getOutputStream()) {
            in.write("stopped\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            LOG.debug("The watchdog (pid {}) had already gone", process.pid(), e);
        }
        awaitExit();
    }

    /**
     * The service gives the server up without stopping it (a start that failed half-way): the watchdog does
     * what it would do if the service had died, and this returns once it has.
     */
    void abandon() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            LOG.debug("The watchdog (pid {}) had already gone", process.pid(), e);
        }
        awaitExit();
    }

    long pid() {
        return process.pid();
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("The embedded PostgreSQL's watchdog (pid {}) did not exit in {} s", process.pid(),
                        EXIT_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
