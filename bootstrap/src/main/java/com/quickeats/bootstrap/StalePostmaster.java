package com.quickeats.bootstrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a run that did not stop cleanly may leave in the database directory: its {@code postmaster.pid}, and
 * perhaps its server still running if even the watchdog could not stop it (see {@link PostmasterWatchdog}).
 * Only called once nothing else holds the directory, so that server is ours to stop.
 */
final class StalePostmaster {
    private static final Logger LOG = LoggerFactory.getLogger(StalePostmaster.class);
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);

    private StalePostmaster() {
    }

    static void clear(Path directory) {
        Path pidFile = directory.resolve("postmaster.pid");
        Optional<Long> pid = readPid(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> orphan = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive)
                .filter(StalePostmaster::isPostgres);
        if (orphan.isPresent()) {
            LOG.warn("Stopping the embedded PostgreSQL (pid {}) that an earlier run left running", pid.get());
            stopOrphan(orphan.get(), directory);
        } else {
            LOG.info("Removing {} left by an earlier run that did not stop cleanly", pidFile);
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new StartupException("cannot remove the stale " + pidFile + " (" + Failures.describe(e)
                    + "); delete it by hand once no PostgreSQL runs on " + directory, e);
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> command.endsWith("/postgres")).orElse(false);
    }

    /** Smart shutdown first (its clients died with the run that started it), a kill if it will not go. */
    private static void stopOrphan(ProcessHandle orphan, Path directory) {
        orphan.destroy();
        if (!awaitExit(orphan, ORPHAN_STOP_WAIT)) {
            LOG.warn("The orphaned PostgreSQL (pid {}) did not stop in {} s; killing it", orphan.pid(),
                    ORPHAN_STOP_WAIT.toSeconds());
            orphan.destroyForcibly();
            if (!awaitExit(orphan, Duration.ofSeconds(10))) {
                throw new StartupException("a PostgreSQL left running by an earlier run (pid " + orphan.pid()
                        + ") on " + directory + " does not stop; stop it by hand, then start again");
            }
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration wait) {
        try {
            process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
