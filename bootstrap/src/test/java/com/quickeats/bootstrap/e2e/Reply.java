package com.quickeats.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/** One response as the client saw it. */
record Reply(String method, String path, int status, HttpHeaders headers, byte[] body) {

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    JsonNode json() {
        return Json.read(body);
    }

    /** The first value of a header, or null. */
    String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    String contentType() {
        return header("Content-Type");
    }

    /** The slug of a problem response, e.g. {@code not-found}. */
    String problem() {
        String type = json().path("type").asText();
        return type.startsWith("/problems/") ? type.substring("/problems/".length()) : type;
    }

    String etag() {
        return header("ETag");
    }

    long id() {
        return json().path("id").asLong();
    }

    @Override
    public String toString() {
        return method + " " + path + " -> " + status + " " + headers.map() + " " + text();
    }
}
