package com.quickeats.order.application.port.out;

import java.time.Instant;
import java.util.List;

/** The stored order events the live feed follows (contract §9), shared by every instance of the service. */
public interface OrderFeedSource {

    /**
     * Up to {@code limit} events after {@code after}, in feed order, that can no longer be preceded by an event
     * still to commit. An empty answer means "nothing more for now", not "nothing more ever".
     */
    List<FeedEntry> readAfter(FeedPosition after, int limit);

    /** Up to {@code limit} events after {@code after} and up to {@code upTo} (events already settled). */
    List<FeedEntry> readBetween(FeedPosition after, FeedPosition upTo, int limit);

    /** The position of the last settled event: where a reader that wants only what comes next starts. */
    FeedPosition head();

    /**
     * Calls {@code onCommit} whenever events may have been committed (by any instance), and once when it
     * (re)connects, until the returned handle is closed.
     */
    AutoCloseable listen(Runnable onCommit);

    /** Deletes at most {@code batchSize} events that occurred before {@code cutoff}; returns how many. */
    int purgeBefore(Instant cutoff, int batchSize);
}
