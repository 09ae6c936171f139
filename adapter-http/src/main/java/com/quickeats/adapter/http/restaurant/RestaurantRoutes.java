package com.quickeats.adapter.http.restaurant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.quickeats.adapter.http.auth.BearerTokens;
import com.quickeats.adapter.http.idempotency.IdempotentPosts;
import com.quickeats.adapter.http.idempotency.IdempotentPosts.KeyRule;
import com.quickeats.adapter.http.json.JsonBodies;
import com.quickeats.adapter.http.request.PathIds;
import com.quickeats.adapter.http.request.RequestBody;
import com.quickeats.adapter.http.web.ApiPaths;
import com.quickeats.adapter.http.web.Responses;
import com.quickeats.order.application.NotFoundException;
import com.quickeats.order.application.RestaurantUseCases;
import com.quickeats.order.application.port.out.StoredResponse;
import com.quickeats.order.domain.Actor;
import com.quickeats.order.domain.MenuItem;
import com.quickeats.order.domain.MenuItemId;
import com.quickeats.order.domain.Restaurant;
import com.quickeats.order.domain.RestaurantId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * The catalogue (contract §4): everybody signed in browses restaurants and menus; an admin registers
 * restaurants; each owner manages their own menu.
 */
public final class RestaurantRoutes {
    private final RestaurantUseCases restaurants;
    private final BearerTokens tokens;
    private final IdempotentPosts posts;
    private final JsonBodies bodies;
    private final ObjectMapper mapper;

    public RestaurantRoutes(RestaurantUseCases restaurants, BearerTokens tokens, IdempotentPosts posts,
                            JsonBodies bodies, ObjectMapper mapper) {
        this.restaurants = restaurants;
        this.tokens = tokens;
        this.posts = posts;
        this.bodies = bodies;
        this.mapper = mapper;
    }

    public void install(RoutesConfig routes) {
        routes.get(ApiPaths.RESTAURANTS, this::list);
        routes.post(ApiPaths.RESTAURANTS, this::register);
        routes.get(ApiPaths.RESTAURANT, this::get);
        routes.post(ApiPaths.MENU_ITEMS, this::addItem);
        routes.get(ApiPaths.MENU_ITEM, this::getItem);
        routes.patch(ApiPaths.MENU_ITEM, this::changeItem);
    }

    private void list(Context ctx) {
        Actor actor = tokens.authenticate(ctx);
        List<RestaurantSummaryResponse> all = restaurants.list(actor).stream()
                .map(RestaurantSummaryResponse::of).toList();
        Responses.write(ctx, Responses.json(mapper, 200, all, Map.of()));
    }

    private void get(Context ctx) {
        Actor actor = tokens.authenticate(ctx);
        Restaurant restaurant = restaurants.get(actor, restaurantId(ctx));
        Responses.write(ctx, Responses.json(mapper, 200, RestaurantResponse.of(restaurant), Map.of()));
    }

    private void register(Context ctx) {
        Actor actor = tokens.authenticate(ctx);
        posts.run(ctx, actor, KeyRule.OPTIONAL,
                request -> restaurants.register(actor, RestaurantRequests.register(request.body().json(bodies))),
                this::registered);
    }

    private void addItem(Context ctx) {
        Actor actor = tokens.authenticate(ctx);
        posts.run(ctx, actor, KeyRule.OPTIONAL, request -> {
            var body = request.body().json(bodies);
            return restaurants.addMenuItem(actor, RestaurantRequests.addItem(body, restaurantId(ctx)));
        }, this::itemAdded);
    }

    private void getItem(Context ctx) {
        Actor actor = tokens.authenticate(ctx);
        RestaurantId restaurantId = restaurantId(ctx);
        MenuItemId itemId = itemId(ctx);
        MenuItem item = restaurants.get(actor, restaurantId).menuItem(itemId)
                .orElseThrow(() -> new NotFoundException("menu item " + itemId + " of restaurant " + restaurantId));
        Responses.write(ctx, Responses.json(mapper, 200, MenuItemResponse.of(item), Map.of()));
    }

    private void changeItem(Context ctx) {
        Actor actor = tokens.authenticate(ctx);
        var body = RequestBody.of(ctx).json(bodies);
        MenuItemId itemId = itemId(ctx);
        var command = RestaurantRequests.changeItem(body, restaurantId(ctx), itemId);
        MenuItem item = restaurants.changeMenuItem(actor, command).menuItem(itemId).orElseThrow();
        Responses.write(ctx, Responses.json(mapper, 200, MenuItemResponse.of(item), Map.of()));
    }

    private StoredResponse registered(Restaurant restaurant) {
        return Responses.json(mapper, 201, RestaurantResponse.of(restaurant),
                Map.of("Location", ApiPaths.restaurant(restaurant.id().value())));
    }

    /** The use case returns the restaurant with the new item last on its menu. */
    private StoredResponse itemAdded(Restaurant restaurant) {
        MenuItem item = restaurant.menu().get(restaurant.menu().size() - 1);
        return Responses.json(mapper, 201, MenuItemResponse.of(item),
                Map.of("Location", ApiPaths.menuItem(restaurant.id().value(), item.id().value())));
    }

    private static RestaurantId restaurantId(Context ctx) {
        return RestaurantId.of(PathIds.id(ctx, "id", "restaurant"));
    }

    private static MenuItemId itemId(Context ctx) {
        return MenuItemId.of(PathIds.id(ctx, "item_id", "menu item"));
    }
}
