package com.quickeats.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.quickeats.adapter.http.problem.ProblemType;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI 3.1 document against the running service: the one it serves names its server relatively, it
 * names every problem type, and its checker — which every other end-to-end test runs on every response — does
 * reject what the document does not describe. (That it names exactly the routes served is the HTTP adapter's
 * {@code DocumentedRoutesTest}.)
 */
class OpenApiDocumentTest extends E2eTest {
    private final OpenApiContract contract = OpenApiContract.instance();

    @Test
    void theDocumentIsAValidOpenApi31Document() {
        assertThat(contract.document().path("openapi").asText()).startsWith("3.1.");
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(contract.document().toString(), null, options);
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getPaths()).hasSize(contract.document().path("paths").size());
    }

    /**
     * Swagger UI's "Try it out" resolves the server against the document's own URL, whatever host and port:
     * checked on the document the service serves, not only on the file in the jar.
     */
    @Test
    void theServedDocumentPointsTryItOutAtTheServerItCameFrom() {
        JsonNode servers = api.get("/openapi.json").unchecked().send().json().path("servers");

        assertThat(servers).isNotEmpty();
        servers.forEach(declared -> {
            assertThat(URI.create(declared.path("url").asText()).isAbsolute()).as(declared.toString()).isFalse();
            URI resolved = api.base().resolve("/openapi.json").resolve(declared.path("url").asText());
            assertThat(resolved.getScheme() + "://" + resolved.getAuthority())
                    .isEqualTo(api.base().getScheme() + "://" + api.base().getAuthority());
        });
    }

    @Test
    void theDocumentNamesEveryProblemType() {
        List<String> documented = new ArrayList<>();
        contract.document().path("components").path("schemas").path("ProblemSlug").path("enum")
                .forEach(slug -> documented.add(slug.asText()));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(ProblemType.values()).map(ProblemType::slug).toList());
    }

    @Test
    void theCheckerAcceptsARealOrder() {
        Reply real = api.get("/api/v2/orders/" + shop.place().id()).as(Person.admin()).send();
        assertThat(contract.problems(real)).isEmpty();
    }

    @Test
    void theCheckerRejectsWhatTheDocumentDoesNotDescribe() {
        Shop.Order order = shop.place();
        Reply real = api.get("/api/v2/orders/" + order.id()).as(order.customer()).send();
        String body = real.text();
        Map<String, List<String>> json = Map.of("Content-Type", List.of("application/json"),
                "ETag", List.of(real.etag()));

        assertRejected(fake(real, 200, json, body.replace("\"currency\":\"KRW\",", "")), "a missing member");
        assertRejected(fake(real, 200, json, body.replace("\"currency\":\"KRW\"", "\"currency\":\"KRW\",\"x\":1")),
                "an undocumented member");
        assertRejected(fake(real, 200, json, body.replace("\"version\":1", "\"version\":\"1\"")), "a wrong type");
        assertRejected(fake(real, 200, json, body.replace("\"rider_id\":null", "\"rider_id\":7")),
                "a wrong type for a nullable member");
        assertRejected(fake(real, 200, json, body.replace("\"payment\":null", "\"payment\":{}")),
                "an incomplete nullable object");
        assertRejected(fake(real, 200, json, body.replace("\"status\":\"pending_payment\"", "\"status\":\"lost\"")),
                "an unknown enum value");
        assertRejected(fake(real, 200, Map.of("Content-Type", List.of("application/json")), body), "no ETag");
        assertRejected(fake(real, 404, Map.of("Content-Type", List.of("application/json")), "{}"),
                "a problem that is not problem+json");
        assertRejected(fake(real, 404, Map.of("Content-Type", List.of("application/problem+json")),
                "{\"type\":\"/problems/not-found\"}"), "an incomplete problem");
    }

    private void assertRejected(Reply fake, String what) {
        assertThat(contract.problems(fake)).as(what).isNotEmpty();
    }

    private static Reply fake(Reply real, int status, Map<String, List<String>> headers, String body) {
        return new Reply(real.method(), real.path(), status, HttpHeaders.of(headers, (name, value) -> true),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
