package com.quickeats.bootstrap.e2e;

import com.quickeats.adapter.http.HttpApi;
import com.quickeats.adapter.http.HttpSettings;
import com.quickeats.adapter.http.order.OrderEventData;
import com.quickeats.adapter.persistence.PersistenceAdapters;
import com.quickeats.order.application.OrderFeed;
import com.quickeats.order.application.UseCases;
import com.quickeats.testing.postgres.TestDatabase;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The whole service as the composition root wires it — a pool on a real PostgreSQL, the persistence
 * adapters, the use cases and the HTTP adapter — serving real HTTP on an ephemeral loopback port.
 */
final class E2eServer implements AutoCloseable {
    private final HikariDataSource pool;
    private final UseCases useCases;
    private final Javalin app;
    private final OrderFeed feed;
    private final Api api;

    private E2eServer(TestDatabase database, Options options) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("e2e");
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.user());
        config.setPassword(database.password());
        config.setMaximumPoolSize(options.poolSize());
        config.setConnectionTimeout(options.connectionTimeout().toMillis());
        pool = new HikariDataSource(config);
        PersistenceAdapters.migrate(pool);
        PersistenceAdapters persistence = PersistenceAdapters.create(pool, options.idempotencyLockTimeout(),
                OrderEventData::json);
        useCases = UseCases.wire(persistence.orderRepository(), persistence.restaurantCatalog(),
                persistence.idempotencyStore(), persistence.transactionRunner(), options.clock(),
                UseCases.DEFAULT_IDEMPOTENCY_TTL);
        feed = OrderFeed.start(persistence.orderFeedSource(database.dataSource()), options.clock(),
                Tokens.SECRET, OrderFeed.Settings.standard(OrderFeed.Settings.DEFAULT_RETENTION), failure -> { });
        app = HttpApi.create(useCases, feed, HttpSettings.of(Tokens.SECRET), options.extraRoutes())
                .start("127.0.0.1", 0);
        api = new Api(URI.create("http://127.0.0.1:" + app.port()));
    }

    /** How a test's service differs from the production wiring, if at all. */
    record Options(Clock clock, Duration idempotencyLockTimeout, int poolSize, Duration connectionTimeout,
                   Consumer<JavalinConfig> extraRoutes) {
        /** The production wiring, with more connections than the largest burst of requests a test sends. */
        static Options standard() {
            return new Options(Clock.systemUTC(), Duration.ofSeconds(30), 32, Duration.ofSeconds(10), config -> { });
        }

        Options withClock(Clock other) {
            return new Options(other, idempotencyLockTimeout, poolSize, connectionTimeout, extraRoutes);
        }

        Options withIdempotencyLockTimeout(Duration other) {
            return new Options(clock, other, poolSize, connectionTimeout, extraRoutes);
        }

        Options withPool(int size, Duration timeout) {
            return new Options(clock, idempotencyLockTimeout, size, timeout, extraRoutes);
        }

        Options withExtraRoutes(Consumer<JavalinConfig> other) {
            return new Options(clock, idempotencyLockTimeout, poolSize, connectionTimeout, other);
        }
    }

    static E2eServer start(TestDatabase database) {
        return start(database, Options.standard());
    }

    static E2eServer start(TestDatabase database, Options options) {
        return new E2eServer(database, options);
    }

    Api api() {
        return api;
    }

    UseCases useCases() {
        return useCases;
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

    /**
     * Takes every connection of the pool, so that requests wait past the pool's timeout as they would for a
     * database that is down; closing the result gives them back.
     */
    AutoCloseable exhaustPool(int connections) throws SQLException {
        List<Connection> held = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            held.add(pool.getConnection());
        }
        return () -> {
            for (Connection connection : held) {
                connection.close();
            }
        };
    }

    @Override
    public void close() {
        feed.close();
        app.stop();
        pool.close();
    }
}
