package com.quickeats.outbox.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.quickeats.outbox.kafka.OrderEventsTopic.Relayed;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a consuming service is promised (contract §10), checked on what it read: topic and key, the event id
 * header, the payload, each committed event exactly once per (order, version) after de-duplication by event id,
 * in version order per order, and nothing that was rolled back.
 */
final class RelayCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RelayCheck() {
    }

    /**
     * @param read every record the consumer read, duplicates included, in reading order
     * @param committed the outbox rows that committed for the orders under test
     * @param rolledBack ids of events whose transaction rolled back
     * @param orderIds the orders under test: records of other orders (another test's) are left alone
     */
    static Counts verify(List<Relayed> read, Collection<CommittedEvent> committed, Set<UUID> rolledBack,
            Set<Long> orderIds) {
        Map<UUID, CommittedEvent> owed = committed.stream().collect(Collectors.toMap(CommittedEvent::id, Function.identity()));
        Map<Long, List<Long>> versionsRead = new HashMap<>();
        Set<UUID> firstSeen = new HashSet<>();
        int inScope = 0;
        for (Relayed record : read) {
            assertThat(record.topic()).isEqualTo(OrderEventsTopic.NAME);
            assertThat(record.eventId()).as("event id header of %s", record).isNotNull();
            assertThat(rolledBack).as("rolled-back events relayed").doesNotContain(record.eventId());
            assertThat(record.key()).as("key of %s: an order id", record).matches("[1-9][0-9]*");
            long orderId = Long.parseLong(record.key());
            if (!orderIds.contains(orderId)) {
                continue;
            }
            inScope++;
            CommittedEvent event = owed.get(record.eventId());
            assertThat(event).as("a relayed event of order %s that never committed: %s", orderId, record).isNotNull();
            assertThat(record.key()).as("key of %s", record).isEqualTo(String.valueOf(event.orderId()));
            assertThat(record.eventType()).as("eventType header of %s", record).isEqualTo(event.type());
            assertThat(tree(record.value())).as("value of %s", record).isEqualTo(tree(event.payload()));
            if (firstSeen.add(record.eventId())) {
                versionsRead.computeIfAbsent(orderId, id -> new ArrayList<>()).add(event.version());
            }
        }
        assertThat(firstSeen).as("committed events relayed").containsExactlyInAnyOrderElementsOf(owed.keySet());
        Map<Long, List<Long>> versionsCommitted = committed.stream().collect(Collectors.groupingBy(CommittedEvent::orderId,
                Collectors.collectingAndThen(Collectors.toList(), events -> events.stream()
                        .map(CommittedEvent::version).sorted(Comparator.naturalOrder()).toList())));
        assertThat(versionsRead).as("per order, the versions read after de-duplication, in reading order")
                .isEqualTo(versionsCommitted);
        return new Counts(versionsCommitted.size(), owed.size(), inScope - owed.size(), rolledBack.size());
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    /** What was checked, for the test's report. */
    record Counts(int orders, int events, int duplicatesDropped, int rolledBack) {
    }
}
