package com.quickeats.adapter.http.order;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.quickeats.adapter.http.auth.BearerTokens;
import com.quickeats.adapter.http.conditional.OrderETags;
import com.quickeats.adapter.http.idempotency.IdempotentPosts;
import com.quickeats.adapter.http.idempotency.IdempotentPosts.KeyRule;
import com.quickeats.adapter.http.json.JsonBodies;
import com.quickeats.adapter.http.request.Headers;
import com.quickeats.adapter.http.request.PathIds;
import com.quickeats.adapter.http.web.ApiPaths;
import com.quickeats.adapter.http.web.Responses;
import com.quickeats.order.application.OrderActions;
import com.quickeats.order.application.OrderQueries;
import com.quickeats.order.application.PlaceOrder;
import com.quickeats.order.application.port.in.OrderActionCommand;
import com.quickeats.order.application.port.in.PlacedOrder;
import com.quickeats.order.application.port.in.Precondition;
import com.quickeats.order.application.port.out.StoredResponse;
import com.quickeats.order.domain.Actor;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The order endpoints (contract §5): place, read, list, the six actions and the history. Each handler
 * authenticates, reads the request into a command and calls one use case; the use cases decide
 * visibility, permission, preconditions and the state machine.
 */
public final class OrderRoutes {
    private final PlaceOrder placeOrder;
    private final OrderActions actions;
    private final OrderQueries queries;
    private final BearerTokens tokens;
    private final IdempotentPosts posts;
    private final JsonBodies bodies;
    private final ObjectMapper mapper;

    public OrderRoutes(PlaceOrder placeOrder, OrderActions actions, OrderQueries queries, BearerTokens tokens,
                       IdempotentPosts posts, JsonBodies bodies, ObjectMapper mapper) {
        this.placeOrder = placeOrder;
        this.actions = actions;
        this.queries = queries;
        this.tokens = tokens;
        this.posts = posts;
        this.bodies = bodies;
        this.mapper = mapper;
    }

    public void install(RoutesConfig routes) {
        routes.post(ApiPaths.ORDERS, this::place);
        routes.get(ApiPaths.ORDERS, this::list);
        routes.get(ApiPaths.ORDER, this::get);
        routes.get(ApiPaths.ORDER + "/events", this::history);
        routes.post(ApiPaths.ORDER + "/payment", this::pay);
        routes.post(ApiPaths.ORDER + "/acceptance", ctx -> simpleAction(ctx, actions::accept));
        routes.post(ApiPaths.ORDER + "/preparation-complete", ctx -> simpleAction(ctx, actions::completePreparation));
        routes.post(ApiPaths.ORDER + "/pickup", ctx -> simpleAction(ctx, actions::pickUp));
        routes.post(ApiPaths.ORDER + "/delivery", ctx -> simpleAction(ctx, actions::deliver));
        routes.post(ApiPaths.ORDER + "/cancellation", this::cancel);
    }

    private void place(Context ctx) {
        Actor actor = tokens.authenticate(ctx);
        posts.run(ctx, actor, KeyRule.REQUIRED, request -> placeOrder.place(actor,
                PlaceOrderRequest.command(request.body().json(bodies), request.idempotencyKey().orElseThrow())),
                this::placed);
    }

    private void pay(Context ctx) {
        Actor actor = tokens.authenticate(ctx);
        posts.run(ctx, actor, KeyRule.REQUIRED, request -> {
            var body = request.body().json(bodies);
            OrderId id = orderId(ctx);
            return actions.pay(actor, PayOrderRequest.command(body, id, precondition(ctx, id)));
        }, this::current);
    }

    private void cancel(Context ctx) {
        Actor actor = tokens.authenticate(ctx);
        posts.run(ctx, actor, KeyRule.OPTIONAL, request -> {
            var body = request.body().optionalJson(bodies);
            OrderId id = orderId(ctx);
            return actions.cancel(actor, CancelOrderRequest.command(body, id, precondition(ctx, id)));
        }, this::current);
    }

    /** Acceptance, preparation-complete, pickup, delivery: no body, just the order and its ETag. */
    private void simpleAction(Context ctx, BiFunction<Actor, OrderActionCommand, Order> action) {
        Actor actor = tokens.authenticate(ctx);
        posts.run(ctx, actor, KeyRule.OPTIONAL, request -> {
            request.body().optionalJson(bodies);
            OrderId id = orderId(ctx);
            return action.apply(actor, new OrderActionCommand(id, precondition(ctx, id)));
        }, this::current);
    }

    private void get(Context ctx) {
        Actor actor = tokens.authenticate(ctx);
        Order order = queries.get(actor, orderId(ctx));
        if (OrderETags.noneMatchHolds(Headers.joined(ctx, "If-None-Match"), order)) {
            ctx.status(304).header("ETag", OrderETags.of(order));
            ctx.res().setContentType(null);
            return;
        }
        Responses.write(ctx, current(order));
    }

    private void list(Context ctx) {
        Actor actor = tokens.authenticate(ctx);
        var page = queries.list(actor, ListOrdersParams.query(ctx));
        Responses.write(ctx, Responses.json(mapper, 200, OrderPageResponse.of(page), Map.of()));
    }

    private void history(Context ctx) {
        Actor actor = tokens.authenticate(ctx);
        var events = queries.history(actor, orderId(ctx)).stream().map(OrderEventResponse::of).toList();
        Responses.write(ctx, Responses.json(mapper, 200, events, Map.of()));
    }

    /** The order as it now is, with its ETag. */
    private StoredResponse current(Order order) {
        return Responses.json(mapper, 200, OrderResponse.of(order), Map.of("ETag", OrderETags.of(order)));
    }

    /** 201 for a new order; 200 marked as a replay when the key had already placed it (contract §7). */
    private StoredResponse placed(PlacedOrder placed) {
        Order order = placed.order();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ETag", OrderETags.of(order));
        headers.put("Location", ApiPaths.order(order.id().value()));
        if (placed.alreadyPlaced()) {
            headers.put(IdempotentPosts.REPLAYED, "true");
        }
        return Responses.json(mapper, placed.alreadyPlaced() ? 200 : 201, OrderResponse.of(order), headers);
    }

    private static OrderId orderId(Context ctx) {
        return OrderId.of(PathIds.id(ctx, "id", "order"));
    }

    private static Precondition precondition(Context ctx, OrderId id) {
        return OrderETags.ifMatch(Headers.joined(ctx, "If-Match"), id);
    }
}
