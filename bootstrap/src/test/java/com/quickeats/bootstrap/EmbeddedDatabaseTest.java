package com.quickeats.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

    private static Connection connect(EmbeddedDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, "");
    }

    @Test
    void dataSurvivesAStopAndAStartOnTheSameDirectory(@TempDir Path dataDir) throws SQLException {
        Path directory = dataDir.resolve("postgres");
        try (EmbeddedDatabase first = new EmbeddedDatabase(directory, 0, 100)) {
            first.start();
            try (Connection connection = connect(first); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE yesterday (what text)");
                statement.execute("INSERT INTO yesterday VALUES ('an order')");
            }
        }

        try (EmbeddedDatabase second = new EmbeddedDatabase(directory, 0, 100)) {
            second.start();
            try (Connection connection = connect(second); Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT what FROM yesterday")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("an order");
            }
        }
    }

    @Test
    void aRestartKeepsThePortItWasGiven(@TempDir Path dataDir) throws SQLException {
        try (EmbeddedDatabase database = new EmbeddedDatabase(dataDir.resolve("postgres"), 0, 100)) {
            database.start();
            int port = database.port();
            database.stop();
            assertThatThrownBy(() -> connect(database).close()).isInstanceOf(SQLException.class);

            database.start();
            assertThat(database.port()).isEqualTo(port);
            try (Connection connection = connect(database)) {
                assertThat(connection.isValid(2)).isTrue();
            }
        }
    }

    @Test
    void aPidFileLeftByAKilledRunIsCleared(@TempDir Path dataDir) throws Exception {
        Path directory = dataDir.resolve("postgres");
        try (EmbeddedDatabase first = new EmbeddedDatabase(directory, 0, 100)) {
            first.start();
        }
        long deadPid = deadPid();
        Files.writeString(directory.resolve("postmaster.pid"), deadPid + "\n" + directory + "\n");

        try (EmbeddedDatabase second = new EmbeddedDatabase(directory, 0, 100)) {
            second.start();
            try (Connection connection = connect(second)) {
                assertThat(connection.isValid(2)).isTrue();
            }
        }
    }

    @Test
    void aDirectoryInUseByARunningServiceIsRefused(@TempDir Path dataDir) {
        Path directory = dataDir.resolve("postgres");
        try (EmbeddedDatabase running = new EmbeddedDatabase(directory, 0, 100)) {
            running.start();

            EmbeddedDatabase intruder = new EmbeddedDatabase(directory, 0, 100);
            assertThatThrownBy(intruder::start)
                    .isInstanceOf(StartupException.class)
                    .hasMessageContaining("is in use by another running QuickEats")
                    .hasMessageContaining("QUICKEATS_DATA_DIR");
        }
    }

    /** The pid of a process that has exited. */
    private static long deadPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }
}
