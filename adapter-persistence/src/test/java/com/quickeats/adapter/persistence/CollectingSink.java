package com.quickeats.adapter.persistence;

import com.quickeats.order.application.port.in.FeedMessage;
import com.quickeats.order.application.port.in.FeedSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A subscriber's side of the feed for tests: keeps every message, never full, closable like a client. */
final class CollectingSink implements FeedSink {
    private final BlockingQueue<FeedMessage> received = new LinkedBlockingQueue<>();
    private volatile boolean open = true;

    @Override
    public boolean send(FeedMessage message) {
        return open && received.add(message);
    }

    @Override
    public boolean keepAlive() {
        return open;
    }

    @Override
    public int room() {
        return open ? 1_000 : 0;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void end() {
        open = false;
    }

    /** The next {@code count} messages, waiting for each at most {@code patience}. */
    List<FeedMessage> take(int count, Duration patience) throws InterruptedException {
        List<FeedMessage> taken = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            FeedMessage next = received.poll(patience.toMillis(), TimeUnit.MILLISECONDS);
            if (next == null) {
                throw new AssertionError("got " + taken.size() + " of " + count + " messages, the last "
                        + (taken.isEmpty() ? "none" : taken.get(taken.size() - 1)));
            }
            taken.add(next);
        }
        return taken;
    }

    /** What arrived so far and was not taken. */
    List<FeedMessage> rest() {
        List<FeedMessage> rest = new ArrayList<>();
        received.drainTo(rest);
        return rest;
    }
}
