package com.quickeats.testing.postgres;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real PostgreSQL 17 for persistence and HTTP tests: each test class gets its own fresh, empty
 * database on a server shared by the whole JVM.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * @WithPostgres                          // or @ExtendWith(PostgresExtension.class)
 * class JdbiOrderRepositoryTest {
 *     JdbiOrderRepositoryTest(TestDatabase db) { ... }      // constructors,
 *     @BeforeAll static void migrate(TestDatabase db) { ... } // @BeforeAll/@BeforeEach
 *     @Test void storesAnOrder(TestDatabase db) { ... }       // and test methods
 * }
 * }</pre>
 * Every {@link TestDatabase} parameter of one class (including its {@code @Nested} classes) is the
 * same database. It is created ({@code CREATE DATABASE … TEMPLATE template0}) on first request and
 * dropped {@code WITH (FORCE)} after the class. {@link TestDatabase#newDatabase()} gives a test a
 * second fresh database, dropped with the first.
 *
 * <h2>Which server</h2>
 * Chosen once per JVM, on first use, and logged in one INFO line with the reason:
 * <ol>
 *   <li>{@code QUICKEATS_TEST_POSTGRES=embedded}: the embedded server below, whatever else is set;
 *   <li>{@code QUICKEATS_TEST_DATABASE_URL} (a JDBC URL, e.g. {@code jdbc:postgresql://db:5432/postgres})
 *       with {@code QUICKEATS_TEST_DATABASE_USER} and {@code QUICKEATS_TEST_DATABASE_PASSWORD}: that
 *       server; the user must be allowed to {@code CREATE DATABASE};
 *   <li>a Docker daemon answers within 5 s: Testcontainers {@code postgres:17-alpine};
 *   <li>otherwise an embedded PostgreSQL 17 (zonky), stopped by a JVM shutdown hook.
 * </ol>
 * Containers and the embedded server run with test settings: {@code fsync}, {@code synchronous_commit}
 * and {@code full_page_writes} off, {@code max_connections=300}, and {@code wal_level=logical} so that a
 * logical replication client (Debezium) can read the write-ahead log.
 *
 * <h2>Logging</h2>
 * Without a Docker daemon Testcontainers logs one harmless ERROR block. To keep {@code io.zonky} and
 * {@code org.testcontainers} at WARN, add to {@code logback-test.xml}:
 * {@code <include resource="com/quickeats/testing/postgres/logback-included.xml"/>}.
 */
public final class PostgresExtension implements ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(PostgresExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public TestDatabase resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext owner = topLevelClassContext(context);
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent(
                TestDatabase.class,
                key -> SharedPostgres.server().createDatabase(owner.getRequiredTestClass().getSimpleName()),
                TestDatabase.class);
    }

    /** The context of the outermost test class: its store is closed, dropping the database, after that class. */
    private static ExtensionContext topLevelClassContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getParent().flatMap(ExtensionContext::getTestClass).isPresent()) {
            current = current.getParent().orElseThrow();
        }
        return current;
    }
}
