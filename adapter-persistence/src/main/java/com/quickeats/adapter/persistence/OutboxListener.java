package com.quickeats.adapter.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds one connection that {@code LISTEN}s on channel {@code order_outbox} (its trigger notifies at every
 * commit that wrote outbox rows, on any instance) and passes each wake-up on. After every (re)connection it
 * wakes the reader once too, since notifications sent while it was away are lost.
 */
final class OutboxListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxListener.class);
    private static final int POLL_MS = 250;
    private static final long RECONNECT_PAUSE_MS = 1_000;

    private final DataSource connections;
    private final Runnable onCommit;
    private final Thread thread;
    private volatile boolean running = true;

    private OutboxListener(DataSource connections, Runnable onCommit) {
        this.connections = connections;
        this.onCommit = onCommit;
        this.thread = new Thread(this::run, "quickeats-outbox-listener");
        this.thread.setDaemon(true);
    }

    static OutboxListener start(DataSource connections, Runnable onCommit) {
        OutboxListener listener = new OutboxListener(connections, onCommit);
        listener.thread.start();
        return listener;
    }

    private void run() {
        while (running) {
            try (Connection connection = connections.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN order_outbox");
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                onCommit.run();
                while (running) {
                    PGNotification[] received = notifications.getNotifications(POLL_MS);
                    if (received != null && received.length > 0) {
                        onCommit.run();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warn("Listening for outbox commits failed, reconnecting in {} ms: {}", RECONNECT_PAUSE_MS,
                            e.toString());
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(RECONNECT_PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
