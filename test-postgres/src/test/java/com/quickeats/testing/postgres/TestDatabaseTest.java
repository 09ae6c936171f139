package com.quickeats.testing.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WithPostgres
class TestDatabaseTest {

    private static String databaseOfBeforeAll;
    private final TestDatabase databaseOfConstructor;
    private String databaseOfBeforeEach;

    TestDatabaseTest(TestDatabase db) {
        this.databaseOfConstructor = db;
    }

    @BeforeAll
    static void rememberTheClassDatabase(TestDatabase db) {
        databaseOfBeforeAll = db.name();
    }

    @BeforeEach
    void rememberTheTestDatabase(TestDatabase db) {
        databaseOfBeforeEach = db.name();
    }

    @Test
    void constructorsLifecycleMethodsAndTestsShareTheClassDatabase(TestDatabase db) {
        assertThat(db.name())
                .isEqualTo(databaseOfBeforeAll)
                .isEqualTo(databaseOfBeforeEach)
                .isEqualTo(databaseOfConstructor.name());
    }

    @Test
    void theServerIsPostgres17(TestDatabase db) throws SQLException {
        assertThat(query(db.dataSource(), "SHOW server_version")).startsWith("17");
    }

    @Test
    void theDataSourceConnectsToTheTestDatabase(TestDatabase db) throws SQLException {
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE greeting (text varchar NOT NULL)");
            statement.execute("INSERT INTO greeting VALUES ('hello')");
        }

        assertThat(query(db.dataSource(), "SELECT current_database()")).isEqualTo(db.name());
        assertThat(query(db.dataSource(), "SELECT text FROM greeting")).isEqualTo("hello");
    }

    @Test
    void theUrlUserAndPasswordConnectThroughTheDriver(TestDatabase db) throws SQLException {
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                ResultSet rows = connection.createStatement().executeQuery("SELECT current_database()")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo(db.name());
        }
    }

    @Test
    void aNewDatabaseIsAnotherEmptyDatabase(TestDatabase db) throws SQLException {
        TestDatabase other = db.newDatabase();
        try (Connection connection = db.dataSource().getConnection()) {
            connection.createStatement().execute("CREATE TABLE only_in_the_first (id int)");
        }

        assertThat(other.name()).isNotEqualTo(db.name());
        assertThat(query(other.dataSource(), "SELECT current_database()")).isEqualTo(other.name());
        assertThat(query(other.dataSource(), "SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_the_first'"))
                .isEqualTo("0");
    }

    @Test
    void closingADatabaseDropsItEvenWhileConnected(TestDatabase db) throws SQLException {
        TestDatabase other = db.newDatabase();
        try (Connection stillOpen = other.dataSource().getConnection()) {
            stillOpen.createStatement().execute("SELECT 1");
            other.close();
        }

        assertThat(query(db.dataSource(), "SELECT count(*) FROM pg_database WHERE datname = '" + other.name() + "'"))
                .isEqualTo("0");
    }

    static String query(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
