package com.quickeats.bootstrap.e2e;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.quickeats.adapter.http.HttpApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The OpenAPI document the HTTP adapter ships, as a checker of real responses: a response whose status,
 * headers, content type or body the document does not describe fails the test that received it.
 * Undocumented properties count as failures too, so the document cannot drift from the code.
 */
final class OpenApiContract {
    /** Requests outside the documented API (unknown paths, methods): nothing to check the answer against. */
    private static final Set<String> OUTSIDE_THE_API = Set.of(
            "validation.request.path.missing", "validation.request.operation.notAllowed");
    private static final OpenApiContract INSTANCE = new OpenApiContract(load());

    private final JsonNode document;
    private final OpenApiInteractionValidator validator;

    private OpenApiContract(JsonNode document) {
        this.document = document;
        this.validator = OpenApiInteractionValidator
                .createForInlineApiSpecification(OpenApi30View.of(document).toString())
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.schema.additionalProperties", ValidationReport.Level.ERROR)
                        .build())
                .build();
    }

    static OpenApiContract instance() {
        return INSTANCE;
    }

    /** The document as written (3.1). */
    JsonNode document() {
        return document;
    }

    /** @throws AssertionError listing what the document does not allow in {@code reply} */
    void check(Reply reply) {
        List<String> problems = problems(reply);
        if (!problems.isEmpty()) {
            throw new AssertionError("response does not match the OpenAPI document: " + problems + "\n" + reply);
        }
    }

    List<String> problems(Reply reply) {
        if (reply.method().equals("HEAD")) {
            return List.of();
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(reply.status()).withBody(reply.text());
        reply.headers().map().forEach((name, values) -> response.withHeader(name, values));
        ValidationReport report = validator.validateResponse(reply.path(),
                Request.Method.valueOf(reply.method().toUpperCase(Locale.ROOT)), response.build());
        if (report.getMessages().stream().anyMatch(m -> OUTSIDE_THE_API.contains(m.getKey()))) {
            return List.of();
        }
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage())
                .collect(Collectors.toList());
    }

    private static JsonNode load() {
        try (InputStream yaml = HttpApi.class.getClassLoader().getResourceAsStream(HttpApi.OPENAPI_RESOURCE)) {
            if (yaml == null) {
                throw new IllegalStateException(HttpApi.OPENAPI_RESOURCE + " is not on the classpath");
            }
            return new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
