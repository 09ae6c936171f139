package com.quickeats.bootstrap;

import com.quickeats.adapter.http.HttpApi;
import com.quickeats.adapter.http.HttpSettings;
import com.quickeats.adapter.http.order.OrderEventData;
import com.quickeats.adapter.persistence.PersistenceAdapters;
import com.quickeats.order.application.OrderFeed;
import com.quickeats.order.application.UseCases;
import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: the one place that knows every part of the service and wires them by hand —
 * database (embedded or external), pool, migrations, persistence adapters, use cases, the HTTP app with the
 * operations routes, and the idempotency purge. {@link #stop()} takes them down in the reverse order.
 */
public final class QuickEatsService implements AutoCloseable {
    /** How long the demo users' printed tokens stay valid (the secret dies with the run anyway). */
    static final Duration DEMO_TOKEN_VALIDITY = Duration.ofDays(7);
    private static final Duration FIRST_PURGE_DELAY = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(QuickEatsService.class);

    private final Configuration configuration;
    private final Optional<EmbeddedDatabase> embedded;
    private final HikariDataSource pool;
    private final DatabaseGate gate;
    private final Javalin app;
    private final OrderFeed feed;
    private final AutoCloseable purges;
    private final PrometheusMeterRegistry registry;
    private final List<DemoToken> demoTokens;
    private boolean stopped;

    private QuickEatsService(Configuration configuration, Optional<EmbeddedDatabase> embedded, HikariDataSource pool,
                             DatabaseGate gate, Javalin app, OrderFeed feed, AutoCloseable purges,
                             PrometheusMeterRegistry registry,
                             List<DemoToken> demoTokens) {
        this.configuration = configuration;
        this.embedded = embedded;
        this.pool = pool;
        this.gate = gate;
        this.app = app;
        this.feed = feed;
        this.purges = purges;
        this.registry = registry;
        this.demoTokens = demoTokens;
    }

    /** A demo user's ready-to-use bearer token. */
    public record DemoToken(String userId, String role, String token) {
    }

    /**
     * What a run takes from its surroundings rather than from its settings. Production runs on the system
     * clock; a test that must see a day pass (idempotency keys expiring) brings a clock it can advance.
     * Everything else — database, pool, timeouts, secret — comes from the {@link Configuration}, so a test
     * that wants an external database names it the way an operator would.
     */
    public record Environment(Clock clock) {
        public Environment {
            Objects.requireNonNull(clock, "clock");
        }

        /** The environment of a production run. */
        public static Environment system() {
            return new Environment(Clock.systemUTC());
        }
    }

    /**
     * Starts everything on the system clock, or nothing.
     *
     * @throws StartupException for what the operator can fix (unreachable database, port in use, …)
     * @see #start(Configuration, Environment)
     */
    public static QuickEatsService start(Configuration configuration) {
        return start(configuration, Environment.system());
    }

    /**
     * Starts everything, or nothing: a failure stops whatever had already started, then throws.
     *
     * @throws StartupException for what the operator can fix (unreachable database, port in use, …)
     */
    public static QuickEatsService start(Configuration configuration, Environment environment) {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            return start(configuration, environment, started);
        } catch (RuntimeException e) {
            while (!started.isEmpty()) {
                closeQuietly(started.pop());
            }
            throw e;
        }
    }

    private static QuickEatsService start(Configuration configuration, Environment environment,
                                          Deque<AutoCloseable> started) {
        PrometheusMeterRegistry registry = new ServiceMetrics();
        started.push(registry::close);

        Optional<EmbeddedDatabase> embedded = Optional.empty();
        String jdbcUrl;
        Optional<String> databaseUser;
        Optional<String> databasePassword;
        String settingsHint;
        if (configuration.database().isPresent()) {
            Configuration.ExternalDatabase database = configuration.database().get();
            jdbcUrl = database.jdbcUrl();
            databaseUser = database.user();
            databasePassword = database.password();
            settingsHint = "check " + Setting.DATABASE_URL.variable() + ", " + Setting.DATABASE_USER.variable() + " and "
                    + Setting.DATABASE_PASSWORD.variable() + ", or unset " + Setting.DATABASE_URL.variable()
                    + " to use the embedded database";
        } else {
            EmbeddedDatabase database = new EmbeddedDatabase(configuration.embeddedDatabaseDirectory(),
                    configuration.embeddedDatabasePort(), Math.max(100, configuration.poolSize() + 20));
            started.push(database);
            database.start();
            embedded = Optional.of(database);
            jdbcUrl = database.jdbcUrl();
            databaseUser = Optional.of(EmbeddedDatabase.USER);
            databasePassword = Optional.of(database.password());
            settingsHint = "the embedded database in " + database.directory() + " is not answering; see the log above";
        }
        HikariDataSource pool = ConnectionPool.open(jdbcUrl, databaseUser, databasePassword, configuration.poolSize(), registry,
                settingsHint);
        started.push(pool);
        DatabaseGate gate = DatabaseGate.start(ConnectionPool.probeConnector(jdbcUrl, databaseUser, databasePassword));
        started.push(gate);

        migrate(pool);
        PersistenceAdapters persistence = PersistenceAdapters.create(pool, OrderEventData::json);
        UseCases useCases = UseCases.wire(persistence.orderRepository(), persistence.restaurantCatalog(),
                persistence.idempotencyStore(), persistence.transactionRunner(), environment.clock(),
                configuration.idempotencyTtl());

        byte[] secret = configuration.jwtSecret().orElseGet(TokenIssuer::randomSecret).getBytes(StandardCharsets.UTF_8);
        List<DemoToken> demoTokens = List.of();
        if (configuration.demoMode()) {
            DemoData.seed(useCases.restaurants());
            TokenIssuer issuer = new TokenIssuer(secret, environment.clock());
            demoTokens = DemoData.USERS.stream()
                    .map(user -> new DemoToken(user.id(), user.role().wireName(),
                            issuer.issue(user.id(), user.role(), DEMO_TOKEN_VALIDITY)))
                    .toList();
        }

        ClassLoader classLoader = QuickEatsService.class.getClassLoader();
        OperationsRoutes operations = new OperationsRoutes(registry, gate,
                OpenApiDocument.load(classLoader), ApiDocsPage.load(classLoader));
        Optional<ConsoleRoutes> console = ConsoleRoutes.load(classLoader, demoTokens);
        OrderFeed feed = OrderFeed.start(persistence.orderFeedSource(PersistenceAdapters.unpooled(pool.getJdbcUrl(),
                        Optional.ofNullable(pool.getUsername()), Optional.ofNullable(pool.getPassword()))),
                environment.clock(), secret, OrderFeed.Settings.standard(configuration.outboxRetention()),
                failure -> LOG.warn("Reading the order feed failed, will retry: {}", Failures.describe(failure)));
        started.push(feed);
        Javalin app = HttpApi.create(useCases, feed, HttpSettings.of(secret), config -> {
            operations.install(config);
            LoadShedding.install(config, gate);
            console.ifPresent(routes -> routes.install(config));
        });
        started.push(app::stop);
        listen(app, configuration);

        PeriodicPurge idempotencyPurge = PeriodicPurge.start("expired idempotency records",
                useCases.idempotency()::purgeExpired, FIRST_PURGE_DELAY,
                PeriodicPurge.intervalFor(configuration.idempotencyTtl()));
        started.push(idempotencyPurge);
        PeriodicPurge outboxPurge = PeriodicPurge.start("order events past the outbox retention",
                feed::purgeExpired, FIRST_PURGE_DELAY, PeriodicPurge.intervalFor(configuration.outboxRetention()));
        return new QuickEatsService(configuration, embedded, pool, gate, app, feed, () -> {
            outboxPurge.close();
            idempotencyPurge.close();
        }, registry, demoTokens);
    }

    private static void migrate(HikariDataSource pool) {
        try {
            PersistenceAdapters.migrate(pool);
        } catch (RuntimeException e) {
            throw new StartupException("the database migrations failed: " + Failures.describe(e)
                    + "; the database was left as the failed migration found it (each migration is one transaction)", e);
        }
    }

    private static void listen(Javalin app, Configuration configuration) {
        try {
            app.start(configuration.bind(), configuration.port());
        } catch (RuntimeException e) {
            throw new StartupException("cannot listen on " + configuration.bind() + ":" + configuration.port() + " ("
                    + Failures.describe(e) + "); set " + Setting.PORT.names() + " to a free port, or "
                    + Setting.BIND.names() + " to an address of this machine", e);
        }
    }

    /**
     * Ends the live feed's streams (clients resume elsewhere with their last event id), stops accepting
     * connections, lets in-flight requests finish (up to 30 s), then stops the purges, closes the pool and
     * stops the embedded database. Safe to call more than once.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        LOG.info("Stopping: no new connections; in-flight requests get up to {} s to finish",
                OperationsRoutes.GRACEFUL_STOP.toSeconds());
        closeQuietly(feed);
        closeQuietly(app::stop);
        closeQuietly(purges);
        closeQuietly(gate);
        closeQuietly(pool);
        embedded.ifPresent(EmbeddedDatabase::stop);
        closeQuietly(registry::close);
        LOG.info("Stopped");
    }

    @Override
    public void close() {
        stop();
    }

    /** The port the HTTP server listens on (the chosen one when configured as 0). */
    public int port() {
        return app.port();
    }

    /** The URL to reach the service at from this machine. */
    public String baseUrl() {
        String host = configuration.bind();
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            host = "localhost";
        } else if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + port();
    }

    /** The demo users' tokens; empty outside demo mode. */
    public List<DemoToken> demoTokens() {
        return demoTokens;
    }

    public Configuration configuration() {
        return configuration;
    }

    /** The service's connection pool. */
    DataSource dataSource() {
        return pool;
    }

    /** The embedded database, when the service started one. */
    Optional<EmbeddedDatabase> embeddedDatabase() {
        return embedded;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("While stopping: {}", Failures.describe(e));
        }
    }
}
