package com.quickeats.bootstrap;

import io.javalin.http.Context;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Every request gets an id, returned as {@code X-Request-Id} and written in its log lines, so a client's
 * report can be matched with the server's logs. A caller's own id is kept when it is sane.
 * {@link RequestCorrelation} assigns it as the request arrives; the response carries it whatever happened.
 */
final class RequestIds {
    static final String HEADER = "X-Request-Id";
    static final String ATTRIBUTE = "quickeats.request-id";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {
    }

    /**
     * Runs after every handler, also after a failed one: an error response may have reset the headers
     * {@link RequestCorrelation} set, so both ids go back on.
     */
    static void ensureOnResponse(Context ctx) {
        if (ctx.res().getHeader(HEADER) == null) {
            ctx.header(HEADER, of(ctx));
        }
        if (ctx.res().getHeader(TraceContext.HEADER) == null && ctx.attribute(RequestCorrelation.TRACE_ATTRIBUTE)
                instanceof TraceContext trace) {
            ctx.header(TraceContext.HEADER, trace.traceparent());
        }
    }

    static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        if (id == null) {
            id = acceptable(ctx.header(HEADER));
            ctx.attribute(ATTRIBUTE, id);
        }
        return id;
    }

    /** The caller's id when it is sane, else a new one. */
    static String acceptable(String offered) {
        return offered != null && ACCEPTABLE.matcher(offered).matches() ? offered : newId();
    }

    static String newId() {
        byte[] bytes = new byte[8];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
