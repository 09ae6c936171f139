package com.quickeats.adapter.http;

import com.quickeats.order.application.port.out.FeedEntry;
import com.quickeats.order.application.port.out.FeedPosition;
import com.quickeats.order.application.port.out.OrderFeedSource;
import java.time.Instant;
import java.util.List;

/**
 * The order feed's source for this module's in-memory tests, which keep no outbox: the stream's behaviour is
 * tested on PostgreSQL through the composition root (bootstrap's {@code OrderStreamTest} and friends).
 */
final class NoStoredEvents implements OrderFeedSource {
    @Override
    public List<FeedEntry> readAfter(FeedPosition after, int limit) {
        return List.of();
    }

    @Override
    public List<FeedEntry> readBetween(FeedPosition after, FeedPosition upTo, int limit) {
        return List.of();
    }

    @Override
    public FeedPosition head() {
        return FeedPosition.START;
    }

    @Override
    public AutoCloseable listen(Runnable onCommit) {
        return () -> { };
    }

    @Override
    public int purgeBefore(Instant cutoff, int batchSize) {
        return 0;
    }
}
