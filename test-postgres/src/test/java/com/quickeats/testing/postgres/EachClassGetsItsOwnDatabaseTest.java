package com.quickeats.testing.postgres;

import static com.quickeats.testing.postgres.TestDatabaseTest.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Runs two fixture classes through JUnit, as Surefire would, and looks at the databases they were given. */
@ExtendWith(PostgresExtension.class)
class EachClassGetsItsOwnDatabaseTest {

    private static final List<String> DATABASES_SEEN = new CopyOnWriteArrayList<>();

    @Test
    void twoClassesEachSeeTheirOwnEmptyDatabaseWhichIsDroppedAfterwards(TestDatabase db) throws SQLException {
        DATABASES_SEEN.clear();

        TestExecutionSummary summary = run(FirstClass.class, SecondClass.class);

        assertThat(summary.getTestsSucceededCount()).as(failures(summary)).isEqualTo(2);
        assertThat(DATABASES_SEEN).hasSize(2).doesNotHaveDuplicates().doesNotContain(db.name());
        for (String dropped : DATABASES_SEEN) {
            assertThat(query(db.dataSource(), "SELECT count(*) FROM pg_database WHERE datname = '" + dropped + "'"))
                    .as("%s is dropped after its class", dropped)
                    .isEqualTo("0");
        }
    }

    /** Both classes create the same table: in a shared database the second would find it already there. */
    @WithPostgres
    abstract static class IsolatedClass {
        @Test
        void startsEmptyAndCreatesATable(TestDatabase db) throws SQLException {
            DATABASES_SEEN.add(db.name());
            assertThat(query(db.dataSource(), "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).isEqualTo("0");
            try (Connection connection = db.dataSource().getConnection()) {
                connection.createStatement().execute("CREATE TABLE marker (id int)");
            }
        }
    }

    static class FirstClass extends IsolatedClass {
    }

    static class SecondClass extends IsolatedClass {
    }

    private static TestExecutionSummary run(Class<?>... testClasses) {
        var request = LauncherDiscoveryRequestBuilder.request();
        for (Class<?> testClass : testClasses) {
            request.selectors(selectClass(testClass));
        }
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request.build(), listener);
        return listener.getSummary();
    }

    private static String failures(TestExecutionSummary summary) {
        StringWriter report = new StringWriter();
        summary.printFailuresTo(new PrintWriter(report), 20);
        return report.toString();
    }
}
