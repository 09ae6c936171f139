package com.quickeats.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** What every problem response must look like (contract §2). */
final class Problems {
    private Problems() {
    }

    /** Asserts an RFC 9457 problem of {@code slug} with {@code status}, for the request's own path. */
    static JsonNode assertProblem(Reply reply, int status, String slug) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).as(reply.toString()).isEqualTo("application/problem+json");
        JsonNode body = reply.json();
        assertThat(body.path("type").asText()).as(reply.toString()).isEqualTo("/problems/" + slug);
        assertThat(body.path("title").asText()).isNotBlank();
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("detail").asText()).isNotBlank();
        assertThat(body.path("instance").asText()).isEqualTo(reply.path());
        assertThat(reply.text()).doesNotContain("Exception", "\tat ", ".java:");
        return body;
    }

    /** The {@code field} of every entry of {@code errors}. */
    static List<String> fields(Reply reply) {
        List<String> fields = new ArrayList<>();
        reply.json().path("errors").forEach(e -> {
            assertThat(e.path("message").asText()).isNotBlank();
            fields.add(e.path("field").asText());
        });
        return fields;
    }
}
