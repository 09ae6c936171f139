package com.quickeats.bootstrap.e2e;

import com.quickeats.bootstrap.QuickEatsService;
import com.quickeats.bootstrap.ServiceOnTestDatabase;
import com.quickeats.testing.postgres.TestDatabase;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The service as production starts it — the real composition root with its production pool, timeouts and
 * operations routes — on a test's PostgreSQL, serving real HTTP on an ephemeral loopback port.
 */
final class E2eServer implements AutoCloseable {
    private final QuickEatsService service;
    private final Api api;

    private E2eServer(QuickEatsService service) {
        this.service = service;
        this.api = new Api(URI.create(service.baseUrl()));
    }

    static E2eServer start(TestDatabase database) {
        return start(database, QuickEatsService.Environment.system());
    }

    /** With the environment a test needs (a clock it can advance). */
    static E2eServer start(TestDatabase database, QuickEatsService.Environment environment) {
        return new E2eServer(ServiceOnTestDatabase.start(database, new String(Tokens.SECRET, StandardCharsets.US_ASCII),
                environment));
    }

    Api api() {
        return api;
    }

    @Override
    public void close() {
        service.stop();
    }
}
