package com.quickeats.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The service's OpenAPI 3.1 document, written as YAML in the HTTP adapter and served both as it is and as
 * JSON. Converted once at start-up: a document that does not parse stops the start, not a later request.
 */
final class OpenApiDocument {
    /** Where the HTTP adapter keeps the document on the classpath. */
    static final String RESOURCE = "openapi/quickeats-v2.yaml";

    private final String yaml;
    private final String json;

    private OpenApiDocument(String yaml, String json) {
        this.yaml = yaml;
        this.json = json;
    }

    /** The document on the classpath, or empty if this build has none. */
    static Optional<OpenApiDocument> load(ClassLoader classLoader) {
        try (InputStream in = classLoader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Optional.of(fromYaml(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static OpenApiDocument fromYaml(String yaml) {
        try {
            JsonNode tree = new YAMLMapper().readTree(yaml);
            return new OpenApiDocument(yaml, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree));
        } catch (IOException e) {
            throw new StartupException("the OpenAPI document " + RESOURCE + " is not valid YAML: " + Failures.describe(e), e);
        }
    }

    String yaml() {
        return yaml;
    }

    String json() {
        return json;
    }
}
