package com.quickeats.outbox.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A consumer of {@code quickeats.order.events} as another service would run one, keeping every record it read,
 * duplicates included, in the order it read them (which, per partition and so per order, is the log's order).
 */
final class OrderEventsTopic implements AutoCloseable {
    static final String NAME = "quickeats.order.events";
    static final String EVENT_ID_HEADER = "id";
    static final String EVENT_TYPE_HEADER = "eventType";
    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<String, String> consumer;
    private final List<Relayed> read = new ArrayList<>();

    OrderEventsTopic(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "outbox-relay-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                // The connector creates the topic with the shipped partition count; the consumer must not first.
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(NAME));
    }

    /**
     * Reads until every event in {@code expected} has arrived at least once, then on to the end of every
     * partition, so that anything relayed before the last expected event is read too.
     */
    List<Relayed> readUntilAllOf(Set<UUID> expected, Duration limit) {
        Set<UUID> missing = new HashSet<>(expected);
        read.forEach(r -> missing.remove(r.eventId()));
        long deadline = System.nanoTime() + limit.toNanos();
        while (!missing.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(missing.size() + " of " + expected.size() + " committed events did not reach "
                        + NAME + " within " + limit + ", e.g. " + missing.stream().limit(3).toList());
            }
            poll().forEach(r -> missing.remove(r.eventId()));
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("could not read " + NAME + " to its end offsets " + end + " within " + limit);
            }
            poll();
        }
        return List.copyOf(read);
    }

    int partitionCount() {
        return consumer.partitionsFor(NAME).size();
    }

    private List<Relayed> poll() {
        List<Relayed> batch = new ArrayList<>();
        for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
            batch.add(new Relayed(record.topic(), record.partition(), record.offset(), record.key(),
                    header(record, EVENT_ID_HEADER) == null ? null : UUID.fromString(header(record, EVENT_ID_HEADER)),
                    header(record, EVENT_TYPE_HEADER), record.value()));
        }
        read.addAll(batch);
        return batch;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }

    /** One Kafka record as the consumer saw it; {@code eventId} is null when the header is missing. */
    record Relayed(String topic, int partition, long offset, String key, UUID eventId, String eventType, String value) {
    }
}
