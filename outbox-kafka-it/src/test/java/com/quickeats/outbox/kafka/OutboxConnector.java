package com.quickeats.outbox.kafka;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.quickeats.testing.postgres.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The operators' connector configuration ({@code deploy/debezium/quickeats-outbox-connector.json}) as shipped,
 * with only where the database is and how to log in replaced by the test database's: whatever the test proves
 * about topic, key, headers and payload, it proves about the shipped file.
 */
record OutboxConnector(String name, Map<String, String> config) {
    private static final String DEPLOY_DIRECTORY = "quickeats.deploy.debezium";

    static Path deployFile(String fileName) {
        String directory = System.getProperty(DEPLOY_DIRECTORY);
        if (directory == null) {
            throw new IllegalStateException("system property " + DEPLOY_DIRECTORY + " is not set (the POM sets it)");
        }
        return Path.of(directory, fileName);
    }

    static OutboxConnector shippedFor(TestDatabase database) {
        JsonNode file;
        try {
            file = new ObjectMapper().readTree(Files.readString(deployFile("quickeats-outbox-connector.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new HashMap<>(new ObjectMapper().convertValue(file.get("config"),
                new TypeReference<Map<String, String>>() { }));
        config.put("name", file.get("name").asText());
        URI server = URI.create(database.jdbcUrl().substring("jdbc:".length()));
        config.put("database.hostname", server.getHost());
        config.put("database.port", String.valueOf(server.getPort()));
        config.put("database.dbname", database.name());
        config.put("database.user", database.user());
        config.put("database.password", database.password());
        return new OutboxConnector(file.get("name").asText(), Map.copyOf(config));
    }

    String slotName() {
        return config.get("slot.name");
    }
}
