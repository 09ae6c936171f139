package com.quickeats.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

    private static Connection connect(EmbeddedDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, database.password());
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

    @Test
    void onlyTheKeptPasswordLetsAnyoneIn(@TempDir Path dataDir) throws Exception {
        Path directory = dataDir.resolve("postgres");
        try (EmbeddedDatabase database = new EmbeddedDatabase(directory, 0, 100)) {
            database.start();

            assertRefusesLoginsWithoutItsPassword(database);
            Path passwordFile = dataDir.resolve(EmbeddedCredentials.FILE_NAME);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
            assertThat(Files.readString(passwordFile).strip()).isEqualTo(database.password()).hasSizeGreaterThan(40);
            assertThat(Files.readString(directory.resolve("pg_hba.conf"))).doesNotContain("trust");
            try (Connection connection = connect(database)) {
                assertThat(connection.isValid(2)).isTrue();
            }
        }

        try (EmbeddedDatabase again = new EmbeddedDatabase(directory, 0, 100)) {
            again.start();
            assertThat(again.password()).as("the kept password").isEqualTo(Files.readString(
                    dataDir.resolve(EmbeddedCredentials.FILE_NAME)).strip());
            assertRefusesLoginsWithoutItsPassword(again);
        }
    }

    @Test
    void aDirectoryFromTheVersionThatTrustedEveryoneIsGivenAPasswordAndKeepsItsData(@TempDir Path dataDir) throws Exception {
        Path directory = dataDir.resolve("postgres");
        try (EmbeddedPostgres older = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false).start();
                Connection connection = older.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE yesterday (what text)");
            statement.execute("INSERT INTO yesterday VALUES ('an order')");
            assertThat(PostgresLogin.withoutPassword(older.getPort(), EmbeddedDatabase.USER, "postgres"))
                    .as("the older version let anyone in").isEqualTo(PostgresLogin.LET_IN);
        }
        assertThat(dataDir.resolve(EmbeddedCredentials.FILE_NAME)).doesNotExist();

        try (EmbeddedDatabase database = new EmbeddedDatabase(directory, 0, 100)) {
            database.start();

            assertRefusesLoginsWithoutItsPassword(database);
            assertThat(Files.readString(dataDir.resolve(EmbeddedCredentials.FILE_NAME)).strip()).isEqualTo(database.password());
            try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + database.port()
                    + "/postgres", EmbeddedDatabase.USER, database.password());
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT what FROM yesterday")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("an order");
            }
        }
    }

    @Test
    void aLostPasswordFileIsReplacedByANewPassword(@TempDir Path dataDir) throws Exception {
        Path directory = dataDir.resolve("postgres");
        String lost;
        try (EmbeddedDatabase first = new EmbeddedDatabase(directory, 0, 100)) {
            first.start();
            lost = first.password();
        }
        Files.delete(dataDir.resolve(EmbeddedCredentials.FILE_NAME));

        try (EmbeddedDatabase second = new EmbeddedDatabase(directory, 0, 100)) {
            second.start();
            assertThat(second.password()).isNotEqualTo(lost);
            assertRefusesLoginsWithoutItsPassword(second);
            assertThatThrownBy(() -> DriverManager.getConnection(second.jdbcUrl(), EmbeddedDatabase.USER, lost).close())
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
        }
    }

    /** No password: the server asks for one (SCRAM); a wrong one: "invalid password" (28P01). */
    static void assertRefusesLoginsWithoutItsPassword(EmbeddedDatabase database) throws Exception {
        assertThat(PostgresLogin.withoutPassword(database.port(), EmbeddedDatabase.USER, EmbeddedDatabase.DATABASE))
                .as("a login without a password").isNotEqualTo(PostgresLogin.LET_IN);
        assertThat(PostgresLogin.withoutPassword(database.port(), "someone", EmbeddedDatabase.DATABASE))
                .as("another user").isEqualTo(PostgresLogin.ERROR);
        assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, "guessed").close())
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
    }

    /** The pid of a process that has exited. */
    private static long deadPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }
}
