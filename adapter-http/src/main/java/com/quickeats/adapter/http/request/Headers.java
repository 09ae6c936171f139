package com.quickeats.adapter.http.request;

import io.javalin.http.Context;
import java.util.Collections;
import java.util.List;

/** Header reads that respect list-valued headers sent as several fields (RFC 9110 §5.3). */
public final class Headers {
    private Headers() {
    }

    /** All fields named {@code name}, joined with ", "; {@code null} when there is none. */
    public static String joined(Context ctx, String name) {
        List<String> values = Collections.list(ctx.req().getHeaders(name));
        return values.isEmpty() ? null : String.join(", ", values);
    }
}
