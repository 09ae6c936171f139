package com.quickeats.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The packaged service's embedded PostgreSQL is its own: while the service runs it lets in nobody without
 * the password kept in the data directory, and a {@code kill -9} of the service takes it down within
 * seconds (no orphan left answering on 127.0.0.1), without costing the next start its data.
 */
class EmbeddedDatabaseOwnerIT {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseOwnerIT.class);
    private static final Duration START_WITHIN = Duration.ofSeconds(90);
    /** How long the postmaster may outlive its killed service. */
    private static final Duration ORPHAN_LIFETIME_LIMIT = Duration.ofSeconds(10);

    @Test
    void theEmbeddedDatabaseLetsInOnlyItsServiceAndDiesWithIt(@TempDir Path dataDir) throws Exception {
        Map<String, String> env = Map.of("PORT", "0", "QUICKEATS_DATA_DIR", dataDir.toString());
        try (ServiceProcess service = ServiceProcess.start("embedded-owner", env)) {
            service.awaitReady(START_WITHIN);
            Postmaster postmaster = Postmaster.of(dataDir);
            String password = Files.readString(dataDir.resolve(EmbeddedCredentials.FILE_NAME)).strip();

            assertRefusesStrangers(postmaster.port());
            try (Connection owner = connect(postmaster.port(), password); Statement statement = owner.createStatement()) {
                statement.execute("CREATE TABLE before_the_crash (what text)");
                statement.execute("INSERT INTO before_the_crash VALUES ('kept')");
            }

            long killed = System.nanoTime();
            service.kill();
            Duration silent = await("stops answering on its port", () -> !accepts(postmaster.port()), killed);
            Duration gone = await("its process is gone", () -> !isAlive(postmaster.pid()), killed);
            LOG.info("After kill -9 of its service the embedded PostgreSQL (pid {}) refused connections after {} ms;"
                    + " its process was gone (reaped) after {} ms", postmaster.pid(), silent.toMillis(), gone.toMillis());
            assertThat(gone).as("the orphan's lifetime after kill -9").isLessThan(ORPHAN_LIFETIME_LIMIT);
        }

        try (ServiceProcess restarted = ServiceProcess.start("embedded-owner-restart", env)) {
            restarted.awaitReady(START_WITHIN);
            Postmaster again = Postmaster.of(dataDir);
            String password = Files.readString(dataDir.resolve(EmbeddedCredentials.FILE_NAME)).strip();

            assertRefusesStrangers(again.port());
            try (Connection owner = connect(again.port(), password); Statement statement = owner.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT what FROM before_the_crash")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("kept");
            }

            restarted.terminate();
            assertThat(restarted.awaitExit(Duration.ofSeconds(45))).as(restarted.output()).isZero();
            assertThat(await("it stops with the service", () -> !isAlive(again.pid()), System.nanoTime()))
                    .isLessThan(ORPHAN_LIFETIME_LIMIT);
        }
    }

    /** No password: not let in; a wrong one: "invalid password". */
    private static void assertRefusesStrangers(int port) throws IOException {
        assertThat(PostgresLogin.withoutPassword(port, EmbeddedDatabase.USER, EmbeddedDatabase.DATABASE))
                .as("a login without a password").isNotEqualTo(PostgresLogin.LET_IN);
        assertThatThrownBy(() -> connect(port, "guessed").close())
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
    }

    private static Connection connect(int port, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + EmbeddedDatabase.DATABASE,
                EmbeddedDatabase.USER, password);
    }

    /** Polls (bounded) until {@code condition} holds; how long after {@code since} it did. */
    private static Duration await(String what, BooleanSupplier condition, long since) throws InterruptedException {
        long deadline = since + ORPHAN_LIFETIME_LIMIT.multipliedBy(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return Duration.ofNanos(System.nanoTime() - since);
            }
            Thread.sleep(10); // the polling interval of a bounded wait for another process
        }
        throw new AssertionError("the embedded PostgreSQL never " + what + " (waited "
                + ORPHAN_LIFETIME_LIMIT.multipliedBy(3).toSeconds() + " s)");
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The running server as PostgreSQL describes it in {@code postmaster.pid}: line 1 its pid, line 4 its port. */
    private record Postmaster(long pid, int port) {
        static Postmaster of(Path dataDir) throws IOException {
            List<String> lines = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
            return new Postmaster(Long.parseLong(lines.get(0).trim()), Integer.parseInt(lines.get(3).trim()));
        }
    }
}
