package com.quickeats.outbox.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real Apache Kafka node in KRaft mode (broker and controller in one process role set), in this JVM, started
 * the way {@code kafka-storage.sh format} and {@code kafka-server-start.sh} start one: listeners on 127.0.0.1 at
 * ports picked at random, the log in the given directory.
 */
final class KafkaBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);
    private static final Duration START_LIMIT = Duration.ofSeconds(90);
    private static final String CONTROLLER = "CONTROLLER";

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private KafkaBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    static KafkaBroker start(Path logDirectory) {
        // Kafka halts the JVM on a fatal fault; a test must fail instead.
        Exit.setHaltProcedure((status, message) -> {
            throw new IllegalStateException("Kafka wanted to halt with status " + status + ": " + message);
        });
        long started = System.nanoTime();
        int brokerPort = freePort();
        int controllerPort = freePort();
        Properties properties = new Properties();
        properties.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + "," + CONTROLLER + "://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort),
                Map.entry("controller.listener.names", CONTROLLER),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("log.dirs", logDirectory.toString()),
                Map.entry("offsets.topic.replication.factor", "1"),
                // One partition instead of 50: the consumer's group coordinator is ready in a moment.
                Map.entry("offsets.topic.num.partitions", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0")));
        KafkaConfig config = KafkaConfig.fromProps(properties);
        String bootstrap = "127.0.0.1:" + brokerPort;
        KafkaRaftServer server = Bounded.within(START_LIMIT, "formatting and starting the Kafka node (KRaft)", () -> {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(CONTROLLER)
                    .setMetadataLogDirectory(logDirectory.toString())
                    .addDirectory(logDirectory.toString())
                    .run();
            KafkaRaftServer node = new KafkaRaftServer(config, Time.SYSTEM);
            node.startup();
            return node;
        });
        KafkaBroker broker = new KafkaBroker(server, bootstrap);
        try {
            Bounded.within(START_LIMIT, "the Kafka broker answering clients at " + bootstrap, () -> {
                try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                    return admin.describeCluster().nodes().get(START_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
                }
            });
            LOG.info("Kafka broker (KRaft) at {} ready in {} ms", bootstrap, Duration.ofNanos(System.nanoTime() - started).toMillis());
            return broker;
        } catch (RuntimeException | Error e) {
            broker.close();
            throw e;
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        Exit.resetHaltProcedure();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
