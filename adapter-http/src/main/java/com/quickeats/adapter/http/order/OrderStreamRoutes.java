package com.quickeats.adapter.http.order;

import com.quickeats.adapter.http.auth.BearerTokens;
import com.quickeats.adapter.http.web.ApiPaths;
import com.quickeats.order.application.OrderFeed;
import com.quickeats.order.application.port.in.FeedFilter;
import com.quickeats.order.application.port.in.ListOrdersQuery;
import com.quickeats.order.application.port.out.FeedPosition;
import com.quickeats.order.domain.Actor;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /api/v2/orders/stream} (contract §9): the orders the caller may read, as Server-Sent Events. All
 * that can be refused is refused before the stream opens — authentication (401), filters and the last event id
 * (400) — as a problem document; after that the response is {@code 200 text/event-stream} until the client
 * leaves, falls behind, or the service stops.
 */
public final class OrderStreamRoutes {
    static final String EVENT_STREAM = "text/event-stream";
    /** Events a client may have waiting before it counts as fallen behind. */
    static final int BUFFERED_EVENTS = 64;

    private final OrderFeed feed;
    private final BearerTokens tokens;

    public OrderStreamRoutes(OrderFeed feed, BearerTokens tokens) {
        this.feed = feed;
        this.tokens = tokens;
    }

    /** Must come before the route of one order, whose id would otherwise swallow {@code stream}. */
    public void install(RoutesConfig routes) {
        routes.get(ApiPaths.ORDERS + "/stream", this::stream);
    }

    private void stream(Context ctx) {
        Actor actor = tokens.authenticate(ctx);
        ListOrdersQuery narrowing = ListOrdersParams.query(ctx); // status and restaurant_id, as the list reads them
        FeedFilter filter = new FeedFilter(narrowing.status(), narrowing.restaurantId());
        Optional<String> lastEventId = Optional.ofNullable(ctx.header("Last-Event-ID"))
                .or(() -> Optional.ofNullable(ctx.queryParam("last_event_id")))
                .filter(id -> !id.isBlank());
        Optional<FeedPosition> resume = feed.resumePoint(lastEventId);
        if (ctx.method() == HandlerType.HEAD) {
            ctx.status(200).contentType(EVENT_STREAM);
            return;
        }
        SseConnection connection = new SseConnection(BUFFERED_EVENTS);
        feed.subscribe(actor, filter, resume, connection);
        ctx.future(() -> {
            try {
                return connection.open(ctx.res(), ctx.req().getAsyncContext());
            } catch (IOException clientGone) {
                connection.end();
                return CompletableFuture.completedFuture(null);
            }
        });
    }
}
