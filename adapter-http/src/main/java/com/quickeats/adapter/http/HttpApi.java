package com.quickeats.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.quickeats.adapter.http.auth.BearerTokens;
import com.quickeats.adapter.http.idempotency.IdempotentPosts;
import com.quickeats.adapter.http.json.JsonBodies;
import com.quickeats.adapter.http.json.JsonMapping;
import com.quickeats.adapter.http.order.OrderRoutes;
import com.quickeats.adapter.http.order.OrderStreamRoutes;
import com.quickeats.adapter.http.problem.ExceptionProblems;
import com.quickeats.adapter.http.problem.FrameworkProblems;
import com.quickeats.adapter.http.problem.JettyProblemErrorHandler;
import com.quickeats.adapter.http.problem.ProblemPages;
import com.quickeats.adapter.http.problem.ProblemWriter;
import com.quickeats.adapter.http.request.PathEscapes;
import com.quickeats.adapter.http.request.RequestBody;
import com.quickeats.adapter.http.restaurant.RestaurantRoutes;
import com.quickeats.adapter.http.web.HeadRoutes;
import com.quickeats.order.application.OrderFeed;
import com.quickeats.order.application.UseCases;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The QuickEats order API v2 as a Javalin application: every route of the contract, problem details for
 * every failure, conditional requests, idempotency keys and bearer authentication. It is given the use
 * cases and the live order feed and nothing else; the composition root adds operational routes through {@code extraRoutes}.
 */
public final class HttpApi {
    /** Where the OpenAPI 3.1 description of this API lives on the classpath. */
    public static final String OPENAPI_RESOURCE = "openapi/quickeats-v2.yaml";

    private HttpApi() {
    }

    /**
     * An unstarted app; {@code extraRoutes} runs last, so it may add routes, handlers and plugins. Every GET
     * route — the extra ones included — then also answers HEAD by running the same handler.
     */
    public static Javalin create(UseCases useCases, OrderFeed feed, HttpSettings settings,
                                 Consumer<JavalinConfig> extraRoutes) {
        Objects.requireNonNull(useCases, "useCases");
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(extraRoutes, "extraRoutes");
        ObjectMapper mapper = JsonMapping.mapper();
        ProblemWriter problems = new ProblemWriter(mapper);
        BearerTokens tokens = new BearerTokens(settings.jwtSecret(), settings.clock());
        IdempotentPosts posts = new IdempotentPosts(useCases.idempotency(), problems);
        JsonBodies bodies = new JsonBodies(mapper);
        OrderRoutes orders = new OrderRoutes(useCases.placeOrder(), useCases.orderActions(), useCases.orderQueries(),
                tokens, posts, bodies, mapper);
        OrderStreamRoutes stream = new OrderStreamRoutes(feed, tokens);
        RestaurantRoutes restaurants = new RestaurantRoutes(useCases.restaurants(), tokens, posts, bodies, mapper);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = RequestBody.MAX_BYTES;
            config.router.ignoreTrailingSlashes = true;
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblemErrorHandler(mapper)));
            config.routes.before(ctx -> {
                RequestBody.readUpFront(ctx);
                PathEscapes.check(ctx);
            });
            config.routes.exception(HttpResponseException.class, (refusal, ctx) -> {
                if (refusal.getStatus() == 413) {
                    RequestBody.discardRest(ctx);
                }
                problems.write(ctx, FrameworkProblems.from(refusal, ctx.method().name(), ctx.path()));
            });
            config.routes.exception(Exception.class, (failure, ctx) -> problems.write(ctx,
                    ExceptionProblems.from(failure)));
            config.router.javaLangErrorHandler((response, error) -> problems.write(response,
                    ExceptionProblems.from(error)));
            stream.install(config.routes);
            orders.install(config.routes);
            restaurants.install(config.routes);
            ProblemPages.install(config.routes);
            extraRoutes.accept(config);
            HeadRoutes.mirrorGets(config);
        });
    }
}
