package com.quickeats.bootstrap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The web console: its page at {@code /} and its files under {@code /console/}, from the jar, plus
 * {@code /console/demo-users}, the demo users' tokens, so that a newcomer can pick who to be with one
 * click. That list exists only in demo mode and only for callers on this machine.
 */
final class ConsoleRoutes {
    private static final String DIRECTORY = "console/";
    private static final Pattern FILE = Pattern.compile("[a-z0-9-]+\\.(html|css|js|svg|png)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png");
    private static final Map<String, String> LABELS = Map.of(
            "customer", "Customer", "restaurant_owner", "Restaurant owner", "rider", "Rider", "admin", "Admin");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ClassLoader classLoader;
    private final List<QuickEatsService.DemoToken> demoTokens;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    private ConsoleRoutes(ClassLoader classLoader, List<QuickEatsService.DemoToken> demoTokens) {
        this.classLoader = classLoader;
        this.demoTokens = List.copyOf(demoTokens);
    }

    /** The console, if this build has one on the classpath. */
    static Optional<ConsoleRoutes> load(ClassLoader classLoader, List<QuickEatsService.DemoToken> demoTokens) {
        return classLoader.getResource(DIRECTORY + "index.html") == null ? Optional.empty()
                : Optional.of(new ConsoleRoutes(classLoader, demoTokens));
    }

    void install(JavalinConfig config) {
        config.routes.get("/", ctx -> file(ctx, "index.html"));
        config.routes.get("/console/demo-users", this::demoUsers);
        config.routes.get("/console/{file}", ctx -> file(ctx, ctx.pathParam("file")));
    }

    private void demoUsers(Context ctx) throws JsonProcessingException {
        if (demoTokens.isEmpty() || !fromThisMachine(ctx)) {
            throw new NotFoundResponse();
        }
        List<Map<String, String>> users = demoTokens.stream().map(token -> {
            Map<String, String> user = new LinkedHashMap<>();
            user.put("sub", token.userId());
            user.put("role", token.role());
            user.put("label", LABELS.getOrDefault(token.role(), token.role()));
            user.put("token", token.token());
            return user;
        }).toList();
        ctx.contentType("application/json").header("Cache-Control", "no-store").result(JSON.writeValueAsString(users));
    }

    private void file(Context ctx, String name) {
        if (!FILE.matcher(name).matches()) {
            throw new NotFoundResponse();
        }
        byte[] bytes = cache.computeIfAbsent(name, this::read);
        ctx.header("Cache-Control", "no-cache")
                .contentType(TYPES.get(name.substring(name.lastIndexOf('.') + 1)))
                .result(bytes);
    }

    private byte[] read(String name) {
        try (InputStream in = classLoader.getResourceAsStream(DIRECTORY + name)) {
            if (in == null) {
                throw new NotFoundResponse();
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean fromThisMachine(Context ctx) {
        try {
            return InetAddress.getByName(ctx.req().getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
