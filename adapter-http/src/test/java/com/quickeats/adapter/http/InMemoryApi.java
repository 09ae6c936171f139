package com.quickeats.adapter.http;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.quickeats.order.application.OrderFeed;
import com.quickeats.order.application.UseCases;
import com.quickeats.order.application.inmemory.InMemoryIdempotencyStore;
import com.quickeats.order.application.inmemory.InMemoryOrderRepository;
import com.quickeats.order.application.inmemory.InMemoryRestaurantCatalog;
import com.quickeats.order.application.inmemory.InMemoryTransactions;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/** The real HTTP adapter over the real use cases on in-memory adapters, on an ephemeral loopback port. */
final class InMemoryApi implements AutoCloseable {
    static final byte[] SECRET = "an-http-adapter-test-secret-of-40-bytes!".getBytes(StandardCharsets.US_ASCII);

    private final Javalin app;
    private final OrderFeed feed;
    private final HttpClient client = HttpClient.newHttpClient();

    InMemoryApi() {
        this(config -> { });
    }

    InMemoryApi(Consumer<JavalinConfig> extraRoutes) {
        InMemoryTransactions transactions = new InMemoryTransactions();
        InMemoryRestaurantCatalog catalog = new InMemoryRestaurantCatalog(transactions);
        UseCases useCases = UseCases.wire(new InMemoryOrderRepository(transactions), catalog,
                new InMemoryIdempotencyStore(transactions), transactions, Clock.systemUTC(), Duration.ofHours(24));
        feed = OrderFeed.start(new NoStoredEvents(), Clock.systemUTC(), SECRET,
                OrderFeed.Settings.standard(OrderFeed.Settings.DEFAULT_RETENTION), failure -> { });
        app = HttpApi.create(useCases, feed, HttpSettings.of(SECRET), extraRoutes).start("127.0.0.1", 0);
    }

    String base() {
        return "http://127.0.0.1:" + app.port();
    }

    /** Every route the app serves, as {@code "GET /api/v2/orders/{id}"}; HEAD and filters left out. */
    Set<String> routes() {
        Set<String> routes = new TreeSet<>();
        app.unsafe.internalRouter.allHttpHandlers().forEach(parsed -> {
            HandlerType method = parsed.endpoint.method;
            if (method.isHttpMethod() && !method.equals(HandlerType.HEAD)) {
                routes.add(method.name() + " " + parsed.endpoint.path);
            }
        });
        return routes;
    }

    static String token(String sub, String role) {
        return JWT.create().withSubject(sub).withClaim("role", role)
                .withExpiresAt(Instant.now().plusSeconds(600)).sign(Algorithm.HMAC256(SECRET));
    }

    HttpResponse<String> send(String method, String path, String token, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        feed.close();
        app.stop();
    }
}
