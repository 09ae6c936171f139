package com.quickeats.adapter.persistence;

import com.quickeats.testing.postgres.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay between a pool and PostgreSQL that reads what the client sends (protocol v3) and logs every round
 * trip with the statements it carried. A round trip ends where the client has to wait for the server: a Sync
 * (extended protocol), a simple Query or a Flush. BEGIN, COMMIT and the driver's own statements are on the wire
 * like any other, so nothing the service sends to the database can escape the count, however it was issued
 * (JDBI, plain JDBC, the driver's transaction handling). The server's answers are relayed unread.
 */
final class WireTap implements AutoCloseable {
    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_REQUEST = 80877104;

    /** One wait for the server, and the statements executed in it (empty for a describe or a ping). */
    record RoundTrip(int connection, List<String> statements) {
    }

    private final ServerSocket listener;
    private final String host;
    private final int port;
    private final String database;
    private final List<RoundTrip> log = new ArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    private WireTap(TestDatabase target) throws IOException {
        URI uri = URI.create(target.jdbcUrl().substring("jdbc:".length()));
        this.host = uri.getHost();
        this.port = uri.getPort() < 0 ? 5432 : uri.getPort();
        this.database = uri.getPath().substring(1);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "wire-tap-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static WireTap inFrontOf(TestDatabase target) {
        try {
            return new WireTap(target);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the wire tap", e);
        }
    }

    /** A URL to the database through the tap; in plain text, so that the tap can read it. */
    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + listener.getLocalPort() + "/" + database
                + "?sslmode=disable&gssEncMode=disable";
    }

    /** Where the log stands now; {@link #since} gives what came after. */
    int mark() {
        synchronized (log) {
            return log.size();
        }
    }

    List<RoundTrip> since(int mark) {
        synchronized (log) {
            return List.copyOf(log.subList(mark, log.size()));
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            throw new IllegalStateException("cannot close the wire tap", e);
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(host, port);
                int id = connections.incrementAndGet();
                start("wire-tap-" + id + "-up", () -> relayClient(id, client.getInputStream(), server.getOutputStream()),
                        client, server);
                start("wire-tap-" + id + "-down", () -> server.getInputStream().transferTo(client.getOutputStream()),
                        client, server);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private interface Pump {
        void run() throws IOException;
    }

    private static void start(String name, Pump pump, Socket client, Socket server) {
        Thread thread = new Thread(() -> {
            try {
                pump.run();
            } catch (IOException ignored) {
                // a side closed: the connection is over
            } finally {
                closeQuietly(client);
                closeQuietly(server);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /**
     * Forwards the client's messages, reading Parse, Bind, Execute, Sync, Query and Flush. Nothing of a burst is
     * forwarded before the client stops sending, so the client cannot have seen any answer to it yet: a Sync or
     * Query followed by bytes already sent (pgjdbc's BEGIN before a transaction's first statement, the statements
     * of one prepared "a; b") is pipelined, not a round trip of its own. A round trip ends where the client, having
     * sent a Sync, Query or Flush, sends nothing more: it waits.
     */
    private void relayClient(int connection, InputStream rawIn, OutputStream out) throws IOException {
        DataInputStream in = new DataInputStream(rawIn);
        int code;
        do { // the untyped start: SSL or GSS requests (answered "no" in one byte), then the startup message
            int length = in.readInt();
            byte[] body = in.readNBytes(length - 4);
            out.write(intBytes(length));
            out.write(body);
            out.flush();
            code = ((body[0] & 0xff) << 24) | ((body[1] & 0xff) << 16) | ((body[2] & 0xff) << 8) | (body[3] & 0xff);
        } while (code == SSL_REQUEST || code == GSS_REQUEST);

        Map<String, String> statements = new HashMap<>();
        Map<String, String> portals = new HashMap<>();
        List<String> executed = new ArrayList<>();
        ByteArrayOutputStream burst = new ByteArrayOutputStream();
        while (true) {
            int type = in.read();
            if (type < 0) {
                return;
            }
            int length = in.readInt();
            byte[] body = in.readNBytes(length - 4);
            burst.write(type);
            burst.write(intBytes(length));
            burst.write(body);
            switch (type) {
                case 'P' -> {
                    String name = cString(body, 0);
                    statements.put(name, cString(body, name.getBytes(StandardCharsets.UTF_8).length + 1));
                }
                case 'B' -> {
                    String portal = cString(body, 0);
                    String statement = cString(body, portal.getBytes(StandardCharsets.UTF_8).length + 1);
                    portals.put(portal, statements.getOrDefault(statement, "?"));
                }
                case 'E' -> executed.add(portals.getOrDefault(cString(body, 0), "?").strip());
                case 'Q' -> executed.add(cString(body, 0).strip());
                default -> { }
            }
            if (in.available() > 0) {
                continue; // sent without waiting for an answer
            }
            if (type == 'S' || type == 'Q' || type == 'H') {
                synchronized (log) {
                    log.add(new RoundTrip(connection, List.copyOf(executed)));
                }
                executed.clear();
            }
            burst.writeTo(out);
            out.flush();
            burst.reset();
        }
    }

    private static String cString(byte[] body, int from) {
        int end = from;
        while (body[end] != 0) {
            end++;
        }
        return new String(body, from, end - from, StandardCharsets.UTF_8);
    }

    private static byte[] intBytes(int value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }
}
