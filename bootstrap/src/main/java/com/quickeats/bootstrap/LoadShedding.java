package com.quickeats.bootstrap;

import io.javalin.config.JavalinConfig;
import io.javalin.http.ServiceUnavailableResponse;

/**
 * Turns API requests away at once while the {@link DatabaseGate} knows the database is gone, instead of
 * letting each one hold a server thread for the pool's full timeout. The refusal is the contract's 503
 * {@code service-unavailable} problem with {@code Retry-After}, written by the HTTP adapter. Only the API
 * needs the database: health, metrics, documents and the console are never turned away. An API request
 * answered 503 while the gate was open (the database failed under it) makes the gate probe at once.
 */
final class LoadShedding {
    private static final String API = "/api/*";

    private LoadShedding() {
    }

    static void install(JavalinConfig config, DatabaseGate gate) {
        config.routes.beforeMatched(API, ctx -> {
            if (!gate.open()) {
                ctx.attribute(LoadShedding.class.getName(), true);
                throw new ServiceUnavailableResponse();
            }
        });
        config.routes.after(API, ctx -> {
            if (ctx.status().getCode() == 503 && ctx.attribute(LoadShedding.class.getName()) == null) {
                gate.suspect();
            }
        });
    }
}
