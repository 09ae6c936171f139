package com.quickeats.testing.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A running PostgreSQL server on which test databases are created and dropped. */
final class PostgresServer {

    /** Everything before the database name, the database name, then the parameters. */
    private static final Pattern JDBC_URL = Pattern.compile("(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?");
    private static final int MAX_HINT_LENGTH = 40;

    private final String maintenanceUrl;
    private final String user;
    private final String password;
    private final String urlPrefix;
    private final String urlParameters;

    /** @param maintenanceUrl a database of the server to connect to for CREATE and DROP DATABASE */
    PostgresServer(String maintenanceUrl, String user, String password) {
        Matcher url = JDBC_URL.matcher(maintenanceUrl);
        if (!url.matches()) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + maintenanceUrl);
        }
        this.maintenanceUrl = maintenanceUrl;
        this.user = user;
        this.password = password;
        this.urlPrefix = url.group(1);
        this.urlParameters = url.group(3) == null ? "" : url.group(3);
    }

    String maintenanceUrl() {
        return maintenanceUrl;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** The server's JDBC URL with its database replaced by {@code database}, keeping host and parameters. */
    String jdbcUrl(String database) {
        return urlPrefix + "/" + database + urlParameters;
    }

    /** Creates an empty database (from {@code template0}, whatever was added to {@code template1}). */
    TestDatabase createDatabase(String hint) {
        String name = uniqueName(hint);
        execute("CREATE DATABASE \"" + name + "\" TEMPLATE template0");
        return new TestDatabase(this, name, hint);
    }

    void dropDatabase(String name) {
        execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
    }

    /** A lower-case identifier that names the test class and cannot collide with another JVM's. */
    static String uniqueName(String hint) {
        String readable = hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        readable = readable.substring(0, Math.min(readable.length(), MAX_HINT_LENGTH));
        return "qe_" + readable + "_" + String.format("%08x", ThreadLocalRandom.current().nextInt());
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(maintenanceUrl, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + maintenanceUrl + ": " + e.getMessage(), e);
        }
    }
}
