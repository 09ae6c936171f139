package com.quickeats.order.application.port.in;

/**
 * Where a subscriber's events go: a client connection with a bounded buffer. No call may block: a sink that
 * cannot take more answers so, and the feed then drops the subscriber (it resumes with its last event id).
 */
public interface FeedSink {
    /** Queues one event; false when the sink is closed or its buffer is full. */
    boolean send(FeedMessage message);

    /** Queues a keep-alive; false when the sink is closed or has not moved since the last one (stalled). */
    boolean keepAlive();

    /** How many more events the buffer takes right now: what a catching-up subscriber may be sent. */
    int room();

    boolean isOpen();

    /** Ends the stream: the feed is done with this subscriber (shutdown, or it fell behind). */
    void end();
}
