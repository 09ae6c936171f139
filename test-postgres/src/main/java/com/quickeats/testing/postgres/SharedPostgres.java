package com.quickeats.testing.postgres;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one PostgreSQL server of this JVM, chosen and started by the first test class that needs it. */
final class SharedPostgres {

    private static final Logger LOG = LoggerFactory.getLogger(SharedPostgres.class);
    private static final Duration DOCKER_PROBE_TIMEOUT = Duration.ofSeconds(5);

    private static PostgresServer server;
    private static RuntimeException startFailure;

    private SharedPostgres() {
    }

    static synchronized PostgresServer server() {
        if (server == null && startFailure == null) {
            try {
                server = start(ServerChoice.decide(System.getenv(), () -> DockerProbe.dockerAnswers(DOCKER_PROBE_TIMEOUT)));
            } catch (RuntimeException e) {
                startFailure = e;
            }
        }
        if (startFailure != null) {
            // Fail every later class fast instead of retrying a slow start.
            throw new IllegalStateException("The test PostgreSQL could not be started in this JVM", startFailure);
        }
        return server;
    }

    private static PostgresServer start(ServerChoice choice) {
        long started = System.nanoTime();
        PostgresServer running;
        try {
            running = choice.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("Could not start " + choice.label() + ", chosen because " + choice.reason()
                    + (choice instanceof ServerChoice.Embedded ? "" : "; set QUICKEATS_TEST_POSTGRES=embedded to use the embedded server"), e);
        }
        LOG.info("Test PostgreSQL: {}, because {}; {} ready in {} ms",
                choice.label(), choice.reason(), running.maintenanceUrl(), Duration.ofNanos(System.nanoTime() - started).toMillis());
        return running;
    }
}
