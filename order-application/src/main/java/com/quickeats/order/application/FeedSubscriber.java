package com.quickeats.order.application;

import com.quickeats.order.application.port.in.FeedFilter;
import com.quickeats.order.application.port.in.FeedSink;
import com.quickeats.order.application.port.out.FeedPosition;
import com.quickeats.order.domain.VisibilityScope;
import java.time.Instant;
import java.util.Optional;

/**
 * One client of the feed, as the feed's own thread sees it: what it may see and asked for, where its events go,
 * and the position it has been brought to. Touched only by that thread once admitted.
 */
final class FeedSubscriber {
    final VisibilityScope scope;
    final FeedFilter filter;
    final FeedSink sink;
    /** Where the client asked to resume; empty: from whatever commits next. */
    final Optional<FeedPosition> resumeAfter;
    /** Every event up to here was sent to this subscriber or is not for it. */
    FeedPosition position;
    /** When this subscriber's stream is due its next keep-alive. */
    Instant nextKeepAlive;

    FeedSubscriber(VisibilityScope scope, FeedFilter filter, FeedSink sink, Optional<FeedPosition> resumeAfter) {
        this.scope = scope;
        this.filter = filter;
        this.sink = sink;
        this.resumeAfter = resumeAfter;
    }
}
