package com.quickeats.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Transport-level refusals, on the real app over in-memory adapters: still problems, never HTML or resets. */
class InProcessHttpTest {
    private static final InMemoryApi API = new InMemoryApi(config -> {
        config.routes.get("/error", ctx -> {
            throw new StackOverflowError("deep inside");
        });
    });

    @AfterAll
    static void stop() {
        API.close();
    }

    @Test
    void aChunkedBodyOver64KiBIsRefusedWith413() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(API.base() + "/api/v2/orders"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[70_000])))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("/problems/payload-too-large");
    }

    @Test
    void aUriJettyRefusesIsStillAProblem() throws IOException {
        String answer = raw("GET /api/v2/orders/%00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json")
                .contains("/problems/malformed-request").doesNotContain("<html");
        String withBody = raw("POST /.. HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello");
        assertThat(withBody).startsWith("HTTP/1.1 400").contains("Connection: close");
    }

    @Test
    void aPathParameterThatCannotBePercentDecodedIsNotFoundNotA500() throws IOException {
        for (String path : new String[] {"/api/v2/orders/%u0041/events", "/api/v2/orders/%u0041",
                "/api/v2/orders/%E0%A4%A/events", "/api/v2/restaurants/%zz/menu-items/1", "/api/v2/orders/1%",
                "/api/v2/orders/%ED%A0%801/cancellation", "/api/v2/restaurants/%FF%FE/menu-items"}) {
            String answer = raw("PATCH " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n"
                    + "Connection: close\r\n\r\n");
            assertThat(answer).as(path).matches("(?s)HTTP/1.1 4\\d\\d .*").contains("application/problem+json")
                    .doesNotContain("/problems/internal");
        }
    }

    @Test
    void anErrorThrownByAHandlerIsA500Problem() {
        HttpResponse<String> response = API.send("GET", "/error", null, null);
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("/problems/internal").doesNotContain("deep inside");
    }

    private static String raw(String request) throws IOException {
        URI base = URI.create(API.base());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
