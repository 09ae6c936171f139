package com.quickeats.adapter.http.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * HEAD for every GET route (RFC 9110 §9.3.2). Left to itself, Javalin answers HEAD on a GET route with an
 * empty 200 without running any handler — no authentication, no 404, no ETag. Each GET route gets a HEAD
 * route running the very same handler instead; Jetty sends the status and headers (Content-Length included)
 * the handler produced and drops the body, as HEAD requires.
 */
public final class HeadRoutes {
    private HeadRoutes() {
    }

    /** Mirrors every GET route registered so far that has no HEAD route of its own; call after all routes. */
    public static void mirrorGets(JavalinConfig config) {
        List<ParsedEndpoint> all = config.unsafe.internalRouter.allHttpHandlers();
        Set<String> heads = all.stream()
                .filter(parsed -> parsed.endpoint.method.equals(HandlerType.HEAD))
                .map(parsed -> parsed.endpoint.path)
                .collect(Collectors.toSet());
        List<Endpoint> gets = all.stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.equals(HandlerType.GET) && !heads.contains(endpoint.path))
                .toList();
        gets.forEach(get -> config.routes.addEndpoint(new Endpoint(HandlerType.HEAD, get.path, get.handler)));
    }
}
