package com.quickeats.bootstrap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL 17 the service starts for itself when no database URL is configured. Its files live in one
 * directory and outlive the process: stop the service, start it again, and the data is still there.
 *
 * <p>A run that was killed (not stopped) can leave its PostgreSQL running, or a {@code postmaster.pid}
 * naming a process that is gone; {@link #start()} stops the one and removes the other. A directory still in
 * use by another running service is refused.
 */
final class EmbeddedDatabase implements AutoCloseable {
    static final String DATABASE = "quickeats";
    static final String USER = "postgres";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    /** The file zonky locks while a server runs on the directory. */
    private static final String ZONKY_LOCK = "epg-lock";
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);

    private final Path directory;
    private final int maxConnections;
    private int port;
    private EmbeddedPostgres postgres;

    /** @param port 0 picks a free port on the first start; later restarts of this object keep it */
    EmbeddedDatabase(Path directory, int port, int maxConnections) {
        this.directory = directory;
        this.port = port;
        this.maxConnections = maxConnections;
    }

    /** Starts the server on the directory (initialising it on first use) and makes sure the database exists. */
    synchronized void start() {
        if (postgres != null) {
            return;
        }
        BundledBinaries.requireForThisMachine();
        prepareDirectory();
        if (Files.exists(directory.resolve("postgresql.conf"))) {
            refuseIfInUse();
            clearStalePostmaster();
        }
        long started = System.nanoTime();
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .setPGStartupWait(STARTUP_WAIT)
                    // Durable by default: zonky's test-oriented default turns synchronous commit off.
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", Integer.toString(maxConnections))
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new StartupException("the embedded PostgreSQL did not start in " + directory + ": " + Failures.describe(e)
                    + "; if that directory is damaged, move it away (the data in it is lost to the service)"
                    + " or set " + Setting.DATA_DIR.names() + " to another directory", e);
        }
        port = postgres.getPort();
        createDatabaseIfMissing();
        LOG.info("Embedded PostgreSQL 17 on 127.0.0.1:{}, data in {}, ready in {} ms", port, directory,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /** Stops the server; {@link #start()} starts it again on the same port and data. */
    synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Stopping the embedded PostgreSQL failed: {}", e.toString());
        } finally {
            postgres = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    int port() {
        return port;
    }

    Path directory() {
        return directory;
    }

    private void prepareDirectory() {
        try {
            Files.createDirectories(directory);
        } catch (IOException | SecurityException e) {
            throw new StartupException("cannot create the data directory " + directory + " (" + Failures.describe(e)
                    + "); set " + Setting.DATA_DIR.names() + " to a directory this user may write to", e);
        }
        if (!Files.isWritable(directory)) {
            throw new StartupException("the data directory " + directory + " is not writable; set "
                    + Setting.DATA_DIR.names() + " to a directory this user may write to");
        }
    }

    /** Another live service holds zonky's lock on the directory: two servers on one directory would corrupt it. */
    private void refuseIfInUse() {
        Path lockFile = directory.resolve(ZONKY_LOCK);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse();
            }
            lock.release();
        } catch (OverlappingFileLockException e) {
            throw inUse();
        } catch (IOException e) {
            LOG.debug("Could not check the lock of {}", lockFile, e);
        }
    }

    private StartupException inUse() {
        return new StartupException("the data directory " + directory.getParent() + " is in use by another running QuickEats;"
                + " stop that one first, or set " + Setting.DATA_DIR.names() + " to another directory");
    }

    /**
     * A killed run leaves {@code postmaster.pid} behind, and perhaps its server still running with no one
     * to stop it. Nothing else holds the directory (see {@link #refuseIfInUse()}), so that server is ours
     * to stop.
     */
    private void clearStalePostmaster() {
        Path pidFile = directory.resolve("postmaster.pid");
        Optional<Long> pid = readPid(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> orphan = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive)
                .filter(EmbeddedDatabase::isPostgres);
        if (orphan.isPresent()) {
            LOG.warn("Stopping the embedded PostgreSQL (pid {}) that an earlier run left running", pid.get());
            stopOrphan(orphan.get());
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
    private void stopOrphan(ProcessHandle orphan) {
        orphan.destroy();
        if (!awaitExit(orphan, ORPHAN_STOP_WAIT)) {
            LOG.warn("The orphaned PostgreSQL (pid {}) did not stop in {} s; killing it", orphan.pid(),
                    ORPHAN_STOP_WAIT.toSeconds());
            orphan.destroyForcibly();
            if (!awaitExit(orphan, Duration.ofSeconds(10))) {
                throw new StartupException("a PostgreSQL left running by an earlier run (pid " + orphan.pid()
                        + ") does not stop; stop it by hand, then start again");
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

    private void createDatabaseIfMissing() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            boolean exists;
            try (ResultSet rows = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                exists = rows.next();
            }
            if (!exists) {
                statement.execute("CREATE DATABASE " + DATABASE);
                LOG.info("Created the database '{}' in the embedded PostgreSQL", DATABASE);
            }
        } catch (SQLException e) {
            throw new StartupException("the embedded PostgreSQL started but the database '" + DATABASE
                    + "' could not be created: " + Failures.describe(e), e);
        }
    }
}
