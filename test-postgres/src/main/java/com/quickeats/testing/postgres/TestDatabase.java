package com.quickeats.testing.postgres;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh, empty PostgreSQL database created for one test class. Closing it drops it, together
 * with every database made by {@link #newDatabase()}; the extension does that after the class.
 */
public final class TestDatabase implements AutoCloseable {

    private final PostgresServer server;
    private final String name;
    private final String hint;
    private final String jdbcUrl;
    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();
    private final List<TestDatabase> extraDatabases = new CopyOnWriteArrayList<>();

    TestDatabase(PostgresServer server, String name, String hint) {
        this.server = server;
        this.name = name;
        this.hint = hint;
        this.jdbcUrl = server.jdbcUrl(name);
        dataSource.setURL(jdbcUrl);
        dataSource.setUser(server.user());
        dataSource.setPassword(server.password());
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return server.user();
    }

    public String password() {
        return server.password();
    }

    /** A non-pooling data source: every {@code getConnection()} opens a new connection. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Another fresh, empty database on the same server, for tests that need two. */
    public TestDatabase newDatabase() {
        TestDatabase extra = server.createDatabase(hint);
        extraDatabases.add(extra);
        return extra;
    }

    /** Drops this database and its extra databases, disconnecting whoever is still connected. */
    @Override
    public void close() {
        extraDatabases.forEach(TestDatabase::close);
        server.dropDatabase(name);
    }

    @Override
    public String toString() {
        return jdbcUrl;
    }
}
