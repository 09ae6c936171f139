package com.quickeats.bootstrap.e2e;

import com.quickeats.testing.postgres.TestDatabase;
import com.quickeats.testing.postgres.WithPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** Base of the end-to-end tests: one running service on a fresh database per test class. */
@WithPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class E2eTest {
    protected E2eServer server;
    protected Api api;
    protected Shop shop;

    @BeforeAll
    void startService(TestDatabase database) {
        server = E2eServer.start(database);
        api = server.api();
        shop = new Shop(api);
    }

    @AfterAll
    void stopService() {
        if (server != null) {
            server.close();
        }
    }
}
