package com.quickeats.order.application.port.out;

/**
 * Where an event stands in the feed: the transaction that wrote it, then its number within the outbox. The
 * feed hands out events in this order, and only once every transaction numbered below them has ended, so no
 * event can ever appear behind a position a reader has passed.
 */
public record FeedPosition(long transaction, long sequence) implements Comparable<FeedPosition> {
    /** Before every event. */
    public static final FeedPosition START = new FeedPosition(0, 0);

    @Override
    public int compareTo(FeedPosition other) {
        int byTransaction = Long.compare(transaction, other.transaction);
        return byTransaction != 0 ? byTransaction : Long.compare(sequence, other.sequence);
    }

    public boolean isAfter(FeedPosition other) {
        return compareTo(other) > 0;
    }
}
