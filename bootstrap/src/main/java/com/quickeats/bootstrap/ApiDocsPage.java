package com.quickeats.bootstrap;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /docs}: Swagger UI for {@code /openapi.json}, its files served from the swagger-ui webjar on the
 * classpath, so the page works with no network.
 */
final class ApiDocsPage {
    static final String PATH = "/docs";
    static final String ASSETS = PATH + "/assets/";
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    /** The only webjar files the page uses, with their media types. */
    private static final Map<String, String> ASSET_TYPES = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "swagger-ui-standalone-preset.js", "text/javascript; charset=utf-8",
            "favicon-32x32.png", "image/png",
            "favicon-16x16.png", "image/png");

    private static final String PAGE = """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>QuickEats API v2</title>
              <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
              <link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png" sizes="32x32">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="/docs/assets/swagger-ui-bundle.js"></script>
              <script src="/docs/assets/swagger-ui-standalone-preset.js"></script>
              <script src="/docs/initializer.js"></script>
            </body>
            </html>
            """;

    private static final String INITIALIZER = """
            window.onload = function () {
              window.ui = SwaggerUIBundle({
                url: "/openapi.json",
                dom_id: "#swagger-ui",
                deepLinking: true,
                persistAuthorization: true,
                validatorUrl: null,
                presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                plugins: [SwaggerUIBundle.plugins.DownloadUrl],
                layout: "StandaloneLayout"
              });
            };
            """;

    private final ClassLoader classLoader;
    private final String webjarDirectory;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    private ApiDocsPage(ClassLoader classLoader, String version) {
        this.classLoader = classLoader;
        this.webjarDirectory = WEBJAR + version + "/";
    }

    /** The page, if the swagger-ui webjar is on the classpath. */
    static Optional<ApiDocsPage> load(ClassLoader classLoader) {
        try (InputStream in = classLoader.getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(in);
            return Optional.ofNullable(properties.getProperty("version")).map(v -> new ApiDocsPage(classLoader, v));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void page(Context ctx) {
        ctx.contentType("text/html; charset=utf-8").result(PAGE);
    }

    void initializer(Context ctx) {
        ctx.contentType("text/javascript; charset=utf-8").result(INITIALIZER);
    }

    void asset(Context ctx) {
        String name = ctx.pathParam("file");
        String type = ASSET_TYPES.get(name);
        if (type == null) {
            throw new NotFoundResponse();
        }
        byte[] bytes = cache.computeIfAbsent(name, this::read);
        ctx.header("Cache-Control", "public, max-age=86400").contentType(type).result(bytes);
    }

    private byte[] read(String name) {
        try (InputStream in = classLoader.getResourceAsStream(webjarDirectory + name)) {
            if (in == null) {
                throw new NotFoundResponse();
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
