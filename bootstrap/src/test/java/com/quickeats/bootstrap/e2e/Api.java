package com.quickeats.bootstrap.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A client of the API over real HTTP. Every response it receives is checked against the OpenAPI document,
 * so any end-to-end test that passes also proves the document describes what the service really sends.
 */
final class Api {
    private final URI base;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    Api(URI base) {
        this.base = base;
    }

    URI base() {
        return base;
    }

    Call get(String path) {
        return new Call("GET", path);
    }

    Call post(String path) {
        return new Call("POST", path);
    }

    Call patch(String path) {
        return new Call("PATCH", path);
    }

    Call method(String method, String path) {
        return new Call(method, path);
    }

    /** One request being put together. */
    final class Call {
        private final String method;
        private final String path;
        private final List<String[]> headers = new ArrayList<>();
        private byte[] body;
        private boolean checkContract = true;

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        Call as(Person person) {
            return bearer(person.token());
        }

        Call bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        Call header(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }

        Call key(String idempotencyKey) {
            return header("Idempotency-Key", idempotencyKey);
        }

        Call ifMatch(String etag) {
            return header("If-Match", etag);
        }

        /** {@code value} (a map, list or string of JSON) as an application/json body. */
        Call json(Object value) {
            String text = value instanceof String s ? s : Json.write(value);
            header("Content-Type", "application/json");
            return body(text.getBytes(StandardCharsets.UTF_8));
        }

        Call body(byte[] bytes) {
            this.body = bytes.clone();
            return this;
        }

        /** Skip the OpenAPI check: for requests that deliberately leave the documented API. */
        Call unchecked() {
            checkContract = false;
            return this;
        }

        Reply send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(h -> request.header(h[0], h[1]));
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + path, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Reply reply = new Reply(method, response.uri().getRawPath(), response.statusCode(), response.headers(),
                    response.body());
            if (checkContract) {
                OpenApiContract.instance().check(reply);
            }
            return reply;
        }
    }
}
