package com.quickeats.bootstrap;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * An open-loop load of one GET at a set rate, spread over clients that each keep one HTTP/1.1 connection
 * alive (as a load balancer does), so the measured latency is the service's, not a client library's queue.
 */
final class SteadyLoad implements AutoCloseable {
    /** One request's outcome; times in nanoseconds of {@link System#nanoTime()}; status -1: no answer. */
    record Sample(long sent, long latency, int status, Map<String, String> headers, String body) {
    }

    private final String host;
    private final int port;
    private final byte[] request;
    private final List<Thread> clients = new ArrayList<>();
    private final List<Sample> samples = new ArrayList<>();
    private volatile long periodNanos;
    private volatile boolean stopped;

    /** {@code clients} connections, each sending every {@code clients / perSecond} seconds. */
    SteadyLoad(String host, int port, String pathAndQuery, Map<String, String> headers, int clients, int perSecond) {
        this.host = host;
        this.port = port;
        StringBuilder head = new StringBuilder("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + "\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        this.request = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        rate(clients, perSecond);
        for (int i = 0; i < clients; i++) {
            Thread client = new Thread(this::run, "steady-load-" + i);
            client.setDaemon(true);
            this.clients.add(client);
        }
    }

    private void rate(int clientCount, int perSecond) {
        periodNanos = TimeUnit.SECONDS.toNanos(1) * clientCount / perSecond;
    }

    void start() {
        clients.forEach(Thread::start);
    }

    /** Changes the offered rate from the next request on. */
    void offer(int perSecond) {
        rate(clients.size(), perSecond);
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    /** Waits for an answer that {@code wanted} accepts; false if none came within the time. */
    boolean await(Predicate<Sample> wanted, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        synchronized (samples) {
            for (int seen = 0; ; seen++) {
                while (seen >= samples.size()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    samples.wait(Math.max(1, left / 1_000_000));
                }
                if (wanted.test(samples.get(seen))) {
                    return true;
                }
            }
        }
    }

    private void record(Sample sample) {
        synchronized (samples) {
            samples.add(sample);
            samples.notifyAll();
        }
    }

    private void run() {
        Socket socket = null;
        long next = System.nanoTime() + (long) (Math.random() * periodNanos);
        while (!stopped) {
            while (System.nanoTime() < next && !stopped) {
                LockSupport.parkNanos(next - System.nanoTime()); // the schedule of an open-loop load
            }
            next = Math.max(next + periodNanos, System.nanoTime());
            long sent = System.nanoTime();
            try {
                if (socket == null) {
                    socket = new Socket(host, port);
                    socket.setSoTimeout(30_000);
                }
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
                record(read(sent, new BufferedInputStream(socket.getInputStream())));
            } catch (IOException e) {
                record(new Sample(sent, System.nanoTime() - sent, -1, Map.of(), String.valueOf(e)));
                closeQuietly(socket);
                socket = null;
            }
        }
        closeQuietly(socket);
    }

    private static Sample read(long sent, InputStream in) throws IOException {
        String status = line(in);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line(in), 16); size > 0; size = Integer.parseInt(line(in), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
            line(in);
        } else {
            body.write(in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0"))));
        }
        return new Sample(sent, System.nanoTime() - sent, Integer.parseInt(status.split(" ")[1]), headers,
                body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection closed mid-response");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        for (Thread client : clients) {
            client.join(TimeUnit.SECONDS.toMillis(35));
        }
    }
}
