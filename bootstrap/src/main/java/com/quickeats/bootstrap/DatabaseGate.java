package com.quickeats.bootstrap;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the service knows about its database right now, so that a request that needs it can be turned away
 * at once while it is gone instead of waiting out the pool's timeout. A background probe keeps the answer
 * current over one connection of its own, outside the pool: a ping every second while the database is up,
 * a fresh connection attempt every 200 ms while it is down, so service resumes well within a second of its
 * return. A request that met a storage failure only {@link #suspect() asks} for a probe now: the database
 * counts as down after two probes in a row failed (one slow answer or a pool running dry is not an outage),
 * and as up again after one probe succeeded (a flapping database is served whenever it answers).
 */
final class DatabaseGate implements AutoCloseable {
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);
    static final Duration INTERVAL_UP = Duration.ofSeconds(1);
    static final Duration INTERVAL_DOWN = Duration.ofMillis(200);
    /** Failed probes in a row that make the database count as down. */
    static final int FAILURES_TO_CLOSE = 2;
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseGate.class);

    /** Opens a connection for the probe, giving up within {@link #PROBE_TIMEOUT}. */
    interface Connector {
        Connection connect() throws SQLException;
    }

    /** The last probe's verdict; {@code error} is null when the database is up. */
    record State(boolean up, long latencyMillis, String error) {
    }

    private final Connector connector;
    private final Thread prober;
    private final Object signal = new Object();
    private volatile State state;
    private Connection connection; // the prober's own: only its thread touches it
    private int failuresInARow;
    private long downSinceNanos;
    private boolean suspected;
    private boolean closed;

    private DatabaseGate(Connector connector) {
        this.connector = connector;
        this.prober = new Thread(this::run, "quickeats-database-probe");
        this.prober.setDaemon(true);
    }

    /** Probes once, so the state is known from the start, then keeps probing in the background. */
    static DatabaseGate start(Connector connector) {
        DatabaseGate gate = new DatabaseGate(connector);
        State first = gate.probe();
        gate.state = first;
        gate.failuresInARow = first.up() ? 0 : FAILURES_TO_CLOSE;
        gate.downSinceNanos = System.nanoTime();
        gate.prober.start();
        return gate;
    }

    /** Whether requests that need the database should be let through. */
    boolean open() {
        return state.up();
    }

    State state() {
        return state;
    }

    /** A request met a storage failure: probe now rather than at the next tick. */
    void suspect() {
        synchronized (signal) {
            suspected = true;
            signal.notifyAll();
        }
    }

    private void run() {
        while (awaitNextProbe()) {
            record(probe());
        }
        closeConnection();
    }

    /** @return false once the gate is closed */
    private boolean awaitNextProbe() {
        Duration interval = state.up() && failuresInARow == 0 ? INTERVAL_UP : INTERVAL_DOWN;
        long deadline = System.nanoTime() + interval.toNanos();
        synchronized (signal) {
            try {
                long left;
                while (!closed && !suspected && (left = deadline - System.nanoTime()) > 0) {
                    signal.wait(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            suspected = false;
            return !closed;
        }
    }

    private void record(State probed) {
        State before = state;
        if (probed.up()) {
            failuresInARow = 0;
            state = probed;
            if (!before.up()) {
                LOG.info("The database answers again (after {} ms): API requests are served again",
                        (System.nanoTime() - downSinceNanos) / 1_000_000);
            }
            return;
        }
        failuresInARow++;
        if (!before.up() || failuresInARow >= FAILURES_TO_CLOSE) {
            state = probed;
            if (before.up()) {
                downSinceNanos = System.nanoTime();
                LOG.warn("The database is unreachable ({}): API requests get 503 until it answers again",
                        probed.error());
            }
        }
    }

    private State probe() {
        long started = System.nanoTime();
        try {
            if (connection == null) {
                connection = connector.connect();
            }
            if (connection.isValid((int) PROBE_TIMEOUT.toSeconds())) {
                return new State(true, elapsedMillis(started), null);
            }
            closeConnection();
            return new State(false, elapsedMillis(started), "the database did not answer within "
                    + PROBE_TIMEOUT.toMillis() + " ms");
        } catch (SQLException | RuntimeException e) {
            closeConnection();
            return new State(false, elapsedMillis(started), Failures.describe(e));
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("Closing the probe's connection", e);
            }
            connection = null;
        }
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** Stops the probe and closes its connection. */
    @Override
    public void close() {
        synchronized (signal) {
            closed = true;
            signal.notifyAll();
        }
        try {
            prober.join(PROBE_TIMEOUT.toMillis() * 3);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
