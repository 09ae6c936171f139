import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the live feed of the packaged service (JDK only; run it as a single-file program):
 *
 * <pre>java bootstrap/src/test/benchmark/FeedBenchmark.java bootstrap/target/quickeats.jar [idle] [orders]</pre>
 *
 * It starts {@code java -Xmx256m -jar quickeats.jar} in demo mode (embedded PostgreSQL), opens {@code idle}
 * SSE connections (default 5000) that never read and whose filter matches none of the load's events (an
 * admin's stream narrowed to restaurant 2; the load writes to restaurant 1), reports the service's heap after a full GC, then walks
 * {@code orders} orders (default 200, five events each) from 8 writer threads through HTTP while one subscriber
 * reads the stream, and prints the delay from each write's response to its event's arrival: p50, p99, max.
 */
public final class FeedBenchmark {
    private static final Pattern BASE = Pattern.compile("API base\\s+(http://\\S+)/api/v2");
    private static final Pattern TOKEN = Pattern.compile("^\\s*(\\S+)\\s+\\((\\w+)\\)\\s+Authorization: Bearer (\\S+)");
    private static final Pattern ORDER_ID = Pattern.compile("\"order_id\": ?(\\d+)");
    private static final Pattern VERSION = Pattern.compile("\"version\": ?(\\d+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "bootstrap/target/quickeats.jar");
        int idle = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int orders = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        Path data = Files.createTempDirectory("feed-benchmark");
        Process service = new ProcessBuilder("java", "-Xmx256m", "-jar", jar.toString(), "--port", "0",
                "--data-dir", data.toString(), "--log-level", "warn").redirectErrorStream(true).start();
        try {
            Map<String, String> tokens = new HashMap<>();
            String base = awaitReady(service.getInputStream(), tokens);
            System.out.println("service pid " + service.pid() + " at " + base + ", -Xmx256m");
            String path = URI.create(base).getPath() + "/api/v2/orders/stream";
            URI uri = URI.create(base);

            List<Socket> sockets = new ArrayList<>();
            long opening = System.nanoTime();
            for (int i = 0; i < idle; i++) {
                // Idle: an admin's stream narrowed to another restaurant than the one the load writes to.
                sockets.add(openStream(uri, path + "?restaurant_id=2", tokens.get("admin-1")));
            }
            System.out.printf("idle SSE connections open: %d (in %.1f s)%n", sockets.size(),
                    (System.nanoTime() - opening) / 1e9);
            System.out.println("service heap after full GC, " + idle + " idle streams: " + heapAfterGc(service.pid()));
            System.out.println("service threads: " + threads(service.pid()));

            delays(base, uri, path, tokens, orders);
            System.out.println("service still alive: " + service.isAlive());
            for (Socket socket : sockets) {
                socket.close();
            }
        } finally {
            service.destroy();
            service.waitFor(40, TimeUnit.SECONDS);
        }
    }

    private static void delays(String base, URI uri, String path, Map<String, String> tokens, int orders)
            throws Exception {
        String menu = get(base + "/api/v2/restaurants/1", tokens.get("customer-1"));
        Matcher item = Pattern.compile("\"menu\":\\[\\{\"id\":(\\d+)").matcher(menu);
        if (!item.find()) {
            throw new IllegalStateException("no menu item in " + menu);
        }
        long itemId = Long.parseLong(item.group(1));
        Map<String, Long> written = new ConcurrentHashMap<>();
        Map<String, Long> received = new ConcurrentHashMap<>();
        CountDownLatch all = new CountDownLatch(orders * 5);
        Socket subscriber = openStream(uri, path, tokens.get("admin-1"));
        Thread reader = new Thread(() -> read(subscriber, received, all));
        reader.setDaemon(true);
        reader.start();
        ExecutorService writers = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        for (int i = 0; i < orders; i++) {
            writers.submit(() -> walk(base, itemId, tokens, written));
        }
        writers.shutdown();
        writers.awaitTermination(10, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        boolean complete = all.await(30, TimeUnit.SECONDS);
        List<Long> delays = new ArrayList<>();
        written.forEach((key, at) -> {
            Long got = received.get(key);
            if (got != null) {
                delays.add(TimeUnit.NANOSECONDS.toMicros(Math.max(0, got - at)));
            }
        });
        Collections.sort(delays);
        System.out.printf("write load: %d events in %.1f s (%.0f events/s) from 8 writers; received %d, all: %s%n",
                written.size(), seconds, written.size() / seconds, received.size(), complete);
        System.out.printf("delay write-response -> event: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                delays.get(delays.size() / 2) / 1000.0, delays.get((int) (delays.size() * 0.99)) / 1000.0,
                delays.get(delays.size() - 1) / 1000.0);
        subscriber.close();
    }

    private static void walk(String base, long itemId, Map<String, String> tokens, Map<String, Long> written) {
        try {
            HttpResponse<String> placed = post(base + "/api/v2/orders", tokens.get("customer-1"), null,
                    "{\"restaurant_id\": 1, \"items\": [{\"menu_item_id\": " + itemId
                            + ", \"quantity\": 1}], \"delivery_address\": \"서울\"}");
            long at = System.nanoTime();
            Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(placed.body());
            id.find();
            long orderId = Long.parseLong(id.group(1));
            written.put(orderId + "v1", at);
            Matcher total = Pattern.compile("\"total_amount\":(\\d+)").matcher(placed.body());
            total.find();
            String[][] steps = {{"payment", "customer-1", "{\"payment_method\": \"card\", \"amount\": "
                    + total.group(1) + "}"}, {"acceptance", "owner-1", null}, {"preparation-complete", "owner-1", null},
                {"pickup", "rider-1", null}};
            for (int v = 1; v <= steps.length; v++) {
                HttpResponse<String> reply = post(base + "/api/v2/orders/" + orderId + "/" + steps[v - 1][0],
                        tokens.get(steps[v - 1][1]), "\"order-" + orderId + "-v" + v + "\"", steps[v - 1][2]);
                if (reply.statusCode() != 200) {
                    throw new IllegalStateException(reply.body());
                }
                written.put(orderId + "v" + (v + 1), System.nanoTime());
            }
        } catch (Exception e) {
            e.printStackTrace();
        }
    }

    private static void read(Socket socket, Map<String, Long> received, CountDownLatch all) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("data: ")) {
                    long now = System.nanoTime();
                    Matcher order = ORDER_ID.matcher(line);
                    Matcher version = VERSION.matcher(line);
                    if (order.find() && version.find()) {
                        received.put(order.group(1) + "v" + version.group(1), now);
                        all.countDown();
                    }
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    private static Socket openStream(URI base, String path, String token) throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: Bearer " + token
                + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before headers: " + head);
            }
            head.append((char) b);
        }
        if (!head.toString().startsWith("HTTP/1.1 200")) {
            throw new IOException("not 200: " + head);
        }
        return socket;
    }

    private static String awaitReady(InputStream output, Map<String, String> tokens) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
        String base = null;
        String line;
        while ((line = lines.readLine()) != null) {
            Matcher b = BASE.matcher(line);
            if (b.find()) {
                base = b.group(1);
            }
            Matcher t = TOKEN.matcher(line);
            if (t.find()) {
                tokens.put(t.group(1), t.group(3));
            }
            if (base != null && tokens.size() == 4) {
                Thread drain = new Thread(() -> lines.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return base;
            }
        }
        throw new IllegalStateException("the service ended before it was ready");
    }

    private static String heapAfterGc(long pid) throws Exception {
        run("jcmd", Long.toString(pid), "GC.run");
        String info = run("jcmd", Long.toString(pid), "GC.heap_info");
        Matcher used = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(info);
        return used.find() ? String.format("%.1f MB used of %.1f MB committed (max 256 MB)",
                Long.parseLong(used.group(2)) / 1024.0, Long.parseLong(used.group(1)) / 1024.0) : info;
    }

    private static String threads(long pid) throws Exception {
        String dump = run("jcmd", Long.toString(pid), "Thread.print");
        return Long.toString(dump.lines().filter(l -> l.startsWith("\"")).count());
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    private static String get(String url, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static HttpResponse<String> post(String url, String token, String ifMatch, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", UUID.randomUUID().toString());
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        request.header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
