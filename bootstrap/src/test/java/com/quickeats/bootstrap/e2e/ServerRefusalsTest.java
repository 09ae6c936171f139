package com.quickeats.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * What Jetty refuses before the application sees the request — a header section or a URI too large, a
 * request line it cannot parse — still follows the problem convention of contract §2: a relative
 * {@code /problems/<slug>} type with a human page, never {@code about:blank}.
 */
class ServerRefusalsTest extends E2eTest {

    @Test
    void aHeaderSectionTooLargeIsA431RequestHeaderTooLargeProblem() {
        RawHttp.Answer answer = RawHttp.send(api.base(), RawHttp.ascii("GET /api/v2/orders HTTP/1.1\r\nHost: x\r\n"
                + "X-Padding: " + "a".repeat(20 * 1024)), new byte[0]);
        JsonNode problem = assertServerProblem(answer, 431, "request-header-too-large");
        assertThat(problem.path("instance").asText()).isEqualTo("/api/v2/orders");
    }

    @Test
    void aUriTooLongIsA414UriTooLongProblem() {
        RawHttp.Answer answer = RawHttp.send(api.base(), RawHttp.ascii("GET /api/v2/orders/" + "1".repeat(20 * 1024)
                + " HTTP/1.1\r\nHost: x"), new byte[0]);
        assertServerProblem(answer, 414, "uri-too-long");
    }

    @Test
    void aRequestLineJettyCannotParseIsAMalformedRequestProblem() {
        for (String line : new String[] {"GET /api/v2/orders/% HTTP/1.1", "CONNECT /api/v2/orders HTTP/1.1"}) {
            RawHttp.Answer answer = RawHttp.send(api.base(), RawHttp.ascii(line + "\r\nHost: x"), new byte[0]);
            JsonNode problem = assertServerProblem(answer, 400, "malformed-request");
            // Jetty refuses these before it builds a request: the path they named is not known to the app.
            assertThat(problem.path("instance").asText()).as(line).startsWith("/");
        }
    }

    @Test
    void theNewProblemTypesHaveHumanPages() {
        for (String slug : new String[] {"request-header-too-large", "uri-too-long"}) {
            Reply page = api.get("/problems/" + slug).send();
            assertThat(page.status()).as(slug).isEqualTo(200);
            assertThat(page.text()).contains("/problems/" + slug);
        }
    }

    private static JsonNode assertServerProblem(RawHttp.Answer answer, int status, String slug) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.headers()).containsEntry("content-type", "application/problem+json");
        JsonNode problem = Json.read(answer.body());
        assertThat(problem.path("type").asText()).as(answer.text()).isEqualTo("/problems/" + slug);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(problem.path("instance").asText()).startsWith("/");
        assertThat(answer.text()).doesNotContain("Exception", "<html");
        return problem;
    }
}
