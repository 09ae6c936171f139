package com.quickeats.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The adapter's OpenAPI document names exactly the routes the adapter serves: none missing, none extra. */
class DocumentedRoutesTest {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final InMemoryApi API = new InMemoryApi();

    @AfterAll
    static void stop() {
        API.close();
    }

    @Test
    void theDocumentDescribesExactlyTheRoutesTheAppServes() throws IOException {
        JsonNode document;
        try (InputStream in = DocumentedRoutesTest.class.getClassLoader()
                .getResourceAsStream("openapi/quickeats-v2.yaml")) {
            assertThat(in).as("the OpenAPI document on the classpath").isNotNull();
            document = new YAMLMapper().readTree(in);
        }
        Set<String> documented = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> {
                    if (METHODS.contains(method)) {
                        documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                }));
        assertThat(documented).isNotEmpty();
        assertThat(API.routes()).isEqualTo(documented);
    }
}
