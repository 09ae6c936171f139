package com.quickeats.outbox.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.apache.kafka.connect.util.FutureCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka Connect worker in standalone mode, in this JVM, started the way {@code connect-standalone.sh} starts
 * one: the connector plugins (Debezium's PostgreSQL connector and outbox event router) come from the class path,
 * source offsets go to a file, the REST interface listens on localhost with a port chosen by the system.
 */
final class ConnectWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectWorker.class);
    private static final Duration START_LIMIT = Duration.ofSeconds(90);

    private final Connect<StandaloneHerder> connect;

    private ConnectWorker(Connect<StandaloneHerder> connect) {
        this.connect = connect;
    }

    static ConnectWorker start(String bootstrapServers, Path offsetsFile) {
        // The CLI ends the JVM when the worker cannot start; a test must fail instead.
        Exit.setExitProcedure((status, message) -> {
            throw new IllegalStateException("Kafka Connect wanted to exit with status " + status + ": " + message);
        });
        Map<String, String> worker = Map.of(
                "bootstrap.servers", bootstrapServers,
                "offset.storage.file.filename", offsetsFile.toString(),
                "offset.flush.interval.ms", "1000",
                "listeners", "http://127.0.0.1:0",
                "plugin.discovery", "service_load",
                "key.converter", "org.apache.kafka.connect.storage.StringConverter",
                "value.converter", "org.apache.kafka.connect.storage.StringConverter");
        long started = System.nanoTime();
        ConnectWorker running = new ConnectWorker(Bounded.within(START_LIMIT, "starting the Kafka Connect worker",
                () -> new ConnectStandalone().startConnect(worker)));
        LOG.info("Kafka Connect worker ready in {} ms", Duration.ofNanos(System.nanoTime() - started).toMillis());
        return running;
    }

    /** Submits a connector (as {@code POST /connectors} would) and waits until it and all its tasks run. */
    void run(String name, Map<String, String> config) {
        long started = System.nanoTime();
        List<String> errors = Bounded.within(START_LIMIT, "validating connector " + name, () -> {
            FutureCallback<ConfigInfos> validated = new FutureCallback<>();
            connect.herder().validateConnectorConfig(config, validated);
            return configErrors(validated.get(START_LIMIT.toMillis(), TimeUnit.MILLISECONDS));
        });
        if (!errors.isEmpty()) {
            throw new AssertionError("connector " + name + " has configuration errors: " + errors);
        }
        Bounded.within(START_LIMIT, "creating connector " + name, () -> {
            FutureCallback<Object> created = new FutureCallback<>();
            connect.herder().putConnectorConfig(name, config, false, (error, result) -> created.onCompletion(error, result));
            return created.get(START_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        });
        Bounded.until(START_LIMIT, "connector " + name + " and its task running",
                () -> isRunning(connect.herder().connectorStatus(name)),
                () -> String.valueOf(connect.herder().connectorStatus(name)));
        LOG.info("Connector {} running in {} ms", name, Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /**
     * Connect checks these itself when the connector is created, but then hides them behind a
     * NullPointerException because Debezium 3.6 leaves one of its settings unvalidated
     * ({@code internal.legacy.snapshot.max.threads}).
     */
    private static List<String> configErrors(ConfigInfos validation) {
        return validation.configs().stream()
                .filter(c -> c.configValue() != null && !c.configValue().errors().isEmpty())
                .map(c -> c.configKey().name() + ": " + c.configValue().errors())
                .toList();
    }

    private static boolean isRunning(ConnectorStateInfo status) {
        if (failed(status.connector().state()) || status.tasks().stream().anyMatch(t -> failed(t.state()))) {
            throw new AssertionError("the connector failed: " + status.connector().trace()
                    + status.tasks().stream().map(ConnectorStateInfo.TaskState::trace).toList());
        }
        return "RUNNING".equals(status.connector().state()) && !status.tasks().isEmpty()
                && status.tasks().stream().allMatch(t -> "RUNNING".equals(t.state()));
    }

    private static boolean failed(String state) {
        return "FAILED".equals(state);
    }

    /** Stops the worker and with it every connector and task it runs. */
    @Override
    public void close() {
        connect.stop();
        Exit.resetExitProcedure();
    }
}
