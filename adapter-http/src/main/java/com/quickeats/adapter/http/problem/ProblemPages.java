package com.quickeats.adapter.http.problem;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The short human page behind every problem {@code type} URI ({@code /problems/<slug>}), and an index. */
public final class ProblemPages {
    public static final String PATH = "/problems";

    private ProblemPages() {
    }

    public static void install(RoutesConfig routes) {
        routes.get(PATH, ProblemPages::index);
        routes.get(PATH + "/{slug}", ProblemPages::page);
    }

    private static void index(Context ctx) {
        String items = Arrays.stream(ProblemType.values())
                .map(t -> "<li><a href=\"" + t.uri() + "\">" + t.slug() + "</a> (" + t.status() + ") — "
                        + t.title() + "</li>")
                .collect(Collectors.joining("\n"));
        ctx.html(html("QuickEats API problems", "<h1>QuickEats API problems</h1>\n<ul>\n" + items + "\n</ul>"));
    }

    private static void page(Context ctx) {
        ProblemType type = ProblemType.bySlug(ctx.pathParam("slug"))
                .orElseThrow(() -> ApiProblemException.notFound("There is no problem type with that name."));
        ctx.html(html(type.title(), "<h1>" + type.title() + "</h1>\n"
                + "<p><code>type: " + type.uri() + "</code> · HTTP status " + type.status() + "</p>\n"
                + "<p>" + type.description() + "</p>\n"
                + "<p>The response is <code>application/problem+json</code> (RFC 9457) with <code>type</code>,"
                + " <code>title</code>, <code>status</code>, <code>detail</code> and <code>instance</code>."
                + " <a href=\"" + PATH + "\">All problem types</a>.</p>"));
    }

    private static String html(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>" + title
                + "</title></head>\n<body>\n" + body + "\n</body>\n</html>\n";
    }
}
