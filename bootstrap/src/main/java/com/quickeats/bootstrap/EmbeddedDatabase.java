package com.quickeats.bootstrap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL 17 the service starts for itself when no database URL is configured. Its files live in one
 * directory and outlive the process: stop the service, start it again, and the data is still there.
 *
 * <p>It is the service's alone: it takes logins only with the password kept beside it
 * ({@link EmbeddedCredentials}, {@link ClientAuthentication}), and it does not outlive the service by more
 * than a moment, however the service ends ({@link PostmasterWatchdog}). What a killed run may still leave
 * behind, {@link #start()} clears ({@link StalePostmaster}). A directory in use by another running service
 * is refused.
 */
final class EmbeddedDatabase implements AutoCloseable {
    static final String DATABASE = "quickeats";
    static final String USER = "postgres";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    /** The file zonky locks while a server runs on the directory. */
    private static final String ZONKY_LOCK = "epg-lock";
    private static final String WATCHDOG_LOG = "postgres-watchdog.log";
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private final Path directory;
    private final int maxConnections;
    private int port;
    private String password;
    private EmbeddedPostgres postgres;
    private PostmasterWatchdog watchdog;

    /** @param port 0 picks a free port on the first start; later restarts of this object keep it */
    EmbeddedDatabase(Path directory, int port, int maxConnections) {
        this.directory = directory;
        this.port = port;
        this.maxConnections = maxConnections;
    }

    /**
     * Starts the server on the directory (initialising it on first use, giving it a password if it has none)
     * and makes sure the database exists.
     */
    synchronized void start() {
        if (postgres != null) {
            return;
        }
        BundledBinaries.requireForThisMachine();
        prepareDirectory();
        boolean initialised = Files.exists(directory.resolve("postgresql.conf"));
        if (initialised) {
            refuseIfInUse();
            StalePostmaster.clear(directory);
        }
        Path passwordFile = EmbeddedCredentials.fileFor(directory);
        Optional<String> kept = EmbeddedCredentials.read(passwordFile);
        password = kept.orElseGet(EmbeddedCredentials::generate);
        boolean givingItAPassword = initialised && kept.isEmpty();
        if (!initialised && kept.isEmpty()) {
            EmbeddedCredentials.write(passwordFile, password);
        }
        if (givingItAPassword) {
            ClientAuthentication.admitTheServiceToSetItsPassword(directory);
        } else if (initialised) {
            ClientAuthentication.requirePassword(directory);
        }

        long started = System.nanoTime();
        watchdog = PostmasterWatchdog.start(directory, directory.resolveSibling(WATCHDOG_LOG));
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .setPGStartupWait(STARTUP_WAIT)
                    // initdb: password logins, this password (zonky passes "-A trust" first; the later option wins)
                    .setLocaleConfig("auth", ClientAuthentication.METHOD)
                    .setLocaleConfig("pwfile", passwordFile.toString())
                    .setConnectConfig("password", password)
                    // Durable by default: zonky's test-oriented default turns synchronous commit off.
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", Integer.toString(maxConnections))
                    .start();
            port = postgres.getPort();
            if (givingItAPassword) {
                setPassword(passwordFile);
            }
            if (ClientAuthentication.requirePassword(directory)) {
                reloadConfiguration();
            }
            createDatabaseIfMissing();
        } catch (IOException | SQLException | RuntimeException e) {
            giveUp();
            if (e instanceof StartupException startup) {
                throw startup;
            }
            throw new StartupException("the embedded PostgreSQL did not start in " + directory + ": " + Failures.describe(e)
                    + "; if that directory is damaged, move it away (the data in it is lost to the service)"
                    + " or set " + Setting.DATA_DIR.names() + " to another directory", e);
        }
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
        if (Files.exists(directory.resolve("postmaster.pid"))) {
            LOG.warn("The embedded PostgreSQL did not stop when asked; its watchdog stops it now");
            watchdog.abandon();
        } else {
            watchdog.dismiss();
        }
        watchdog = null;
    }

    @Override
    public void close() {
        stop();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** The password of {@link #USER}, known once {@link #start()} has run. */
    String password() {
        return password;
    }

    int port() {
        return port;
    }

    Path directory() {
        return directory;
    }

    /** The start failed half-way: whatever did start is stopped, as if the service had died. */
    private void giveUp() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                LOG.debug("Stopping the embedded PostgreSQL after a failed start", e);
            }
            postgres = null;
        }
        watchdog.abandon();
        watchdog = null;
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
     * A directory from an older QuickEats (or one whose password file was lost) has no usable password: this
     * start sets one, then keeps it. Kept only once set, so a crash in between costs a new one, not the data.
     */
    private void setPassword(Path passwordFile) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SET password_encryption = '" + ClientAuthentication.METHOD + "'");
            statement.execute("ALTER ROLE " + USER + " PASSWORD '" + password + "'");
        }
        EmbeddedCredentials.write(passwordFile, password);
        LOG.warn("The embedded database in {} took logins without a password (it was made by an older QuickEats,"
                + " or its password file was lost); it now requires the password kept in {}", directory, passwordFile);
    }

    /** Makes the server apply the login rules just written, for every connection from now on. */
    private void reloadConfiguration() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_reload_conf()");
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
