package com.quickeats.testing.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Which PostgreSQL server the tests of this JVM use, why, and how to start it. */
sealed interface ServerChoice {

    String FORCE = "QUICKEATS_TEST_POSTGRES";
    String URL = "QUICKEATS_TEST_DATABASE_URL";
    String USER = "QUICKEATS_TEST_DATABASE_USER";
    String PASSWORD = "QUICKEATS_TEST_DATABASE_PASSWORD";
    String IMAGE = "postgres:17-alpine";

    /**
     * Durability traded for speed: a test server that crashes is simply thrown away. {@code wal_level=logical}
     * lets the outbox relay test run Debezium against the same server, as production does.
     */
    Map<String, String> TEST_SETTINGS = Map.of(
            "max_connections", "300",
            "wal_level", "logical",
            "fsync", "off",
            "synchronous_commit", "off",
            "full_page_writes", "off");

    String label();

    String reason();

    PostgresServer start();

    /** Reads the environment; asks {@code dockerAnswers} only when nothing there settles the choice. */
    static ServerChoice decide(Map<String, String> env, BooleanSupplier dockerAnswers) {
        String forced = env.getOrDefault(FORCE, "").trim();
        if (forced.equals("embedded")) {
            return new Embedded(FORCE + "=embedded");
        }
        if (!forced.isEmpty()) {
            throw new IllegalStateException(FORCE + " must be 'embedded' or unset, not '" + forced + "'");
        }
        String url = env.getOrDefault(URL, "").trim();
        if (!url.isEmpty()) {
            String user = env.getOrDefault(USER, "").trim();
            if (user.isEmpty()) {
                throw new IllegalStateException(URL + " is set but " + USER + " is not");
            }
            return new External(url, user, env.getOrDefault(PASSWORD, ""));
        }
        return dockerAnswers.getAsBoolean()
                ? new Container("a Docker daemon answered")
                : new Embedded("no Docker daemon answered");
    }

    record External(String url, String user, String password) implements ServerChoice {
        @Override
        public String label() {
            return "external server";
        }

        @Override
        public String reason() {
            return URL + " is set";
        }

        @Override
        public PostgresServer start() {
            return new PostgresServer(url, user, password);
        }
    }

    record Container(String reason) implements ServerChoice {
        @Override
        public String label() {
            return "Testcontainers " + IMAGE;
        }

        @Override
        public PostgresServer start() {
            List<String> command = new ArrayList<>(List.of("postgres"));
            TEST_SETTINGS.forEach((name, value) -> command.addAll(List.of("-c", name + "=" + value)));
            PostgreSQLContainer container = new PostgreSQLContainer(IMAGE).withCommand(command.toArray(String[]::new));
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "quickeats-test-postgres-stop"));
            return new PostgresServer(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
    }

    record Embedded(String reason) implements ServerChoice {
        @Override
        public String label() {
            return "embedded PostgreSQL 17";
        }

        @Override
        public PostgresServer start() {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setRegisterShutdownHook(true);
            TEST_SETTINGS.forEach(builder::setServerConfig);
            try {
                EmbeddedPostgres postgres = builder.start();
                // initdb ran with trust authentication: any password is accepted.
                return new PostgresServer("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", "postgres", "postgres");
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
            }
        }
    }
}
