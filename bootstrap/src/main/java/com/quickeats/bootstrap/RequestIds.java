package com.quickeats.bootstrap;

import io.javalin.http.Context;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Every request gets an id, returned as {@code X-Request-Id} and written in its access-log line, so a
 * client's report can be matched with the server's logs. A caller's own id is kept when it is sane.
 */
final class RequestIds {
    static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "quickeats.request-id";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {
    }

    /** Runs before every handler: takes the caller's id or makes one, and puts it on the response. */
    static void assign(Context ctx) {
        ctx.header(HEADER, of(ctx));
    }

    /** Runs after every handler, also after a failed one: the response carries the id whatever happened. */
    static void ensureOnResponse(Context ctx) {
        if (ctx.res().getHeader(HEADER) == null) {
            ctx.header(HEADER, of(ctx));
        }
    }

    static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        if (id == null) {
            String offered = ctx.header(HEADER);
            id = offered != null && ACCEPTABLE.matcher(offered).matches() ? offered : newId();
            ctx.attribute(ATTRIBUTE, id);
        }
        return id;
    }

    static String newId() {
        byte[] bytes = new byte[8];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
