package com.quickeats.adapter.http.request;

import com.quickeats.adapter.http.problem.ApiProblemException;
import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A path whose percent-escapes do not decode ({@code %u0041}, {@code %zz}, a lone {@code %}) names no
 * resource: it is a 404 before any route runs, rather than a failure deep inside path-parameter decoding.
 */
public final class PathEscapes {
    private PathEscapes() {
    }

    /** Decodes the raw path the way path parameters are decoded, and refuses it if that fails. */
    public static void check(Context ctx) {
        String raw = ctx.path();
        if (raw.indexOf('%') < 0) {
            return;
        }
        try {
            URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException undecodable) {
            throw ApiProblemException.notFound("The path has a malformed percent-escape, so it names no resource.");
        }
    }
}
