package com.quickeats.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A client of {@code GET /api/v2/orders/stream}: parses the Server-Sent Events as they arrive. */
public final class EventStream implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** One event: its resume token, its type and its data, with when it arrived. */
    public record Event(String id, String type, JsonNode data, long receivedNanos) {
        public long orderId() {
            return data.path("order_id").asLong();
        }

        public long version() {
            return data.path("version").asLong();
        }
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final Stream<String> lines;
    private final int status;

    private EventStream(HttpResponse<Stream<String>> response) {
        this.status = response.statusCode();
        this.lines = response.body();
        Thread reader = new Thread(this::read, "event-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream at {@code base} + {@code pathAndQuery}; returns once the response headers arrived. */
    public static EventStream open(URI base, String pathAndQuery, String token, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return new EventStream(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void read() {
        String id = null;
        String type = null;
        StringBuilder data = new StringBuilder();
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(id, type, JSON.readTree(data.toString()), System.nanoTime()));
                    }
                    id = null;
                    type = null;
                    data.setLength(0);
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    type = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the stream was closed, by the server or by close()
        } finally {
            ended.complete(null);
        }
    }

    public int status() {
        return status;
    }

    /** The next {@code count} events, waiting for each at most {@code patience}. */
    public List<Event> take(int count, Duration patience) {
        List<Event> taken = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                Event next = events.poll(patience.toMillis(), TimeUnit.MILLISECONDS);
                if (next == null) {
                    throw new AssertionError("received " + taken.size() + " of " + count + " events in time");
                }
                taken.add(next);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return taken;
    }

    /** Events received and not taken yet. */
    public List<Event> rest() {
        List<Event> rest = new ArrayList<>();
        events.drainTo(rest);
        return rest;
    }

    /** Completes when the server ended the stream (or it was closed here). */
    public CompletableFuture<Void> ended() {
        return ended;
    }

    @Override
    public void close() {
        lines.close();
    }
}
