package com.quickeats.adapter.http.request;

import com.quickeats.adapter.http.problem.ApiProblemException;
import io.javalin.http.Context;
import java.util.regex.Pattern;

/**
 * Identifiers in paths: positive 64-bit integers. Anything else (letters, signs, zero, overflow) names
 * no resource, so it is a 404 — never a 400 or 500.
 */
public final class PathIds {
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");

    private PathIds() {
    }

    public static long id(Context ctx, String param, String what) {
        String raw = ctx.pathParam(param);
        if (DIGITS.matcher(raw).matches()) {
            try {
                long id = Long.parseLong(raw);
                if (id > 0) {
                    return id;
                }
            } catch (NumberFormatException overflow) {
                // falls through: no such id
            }
        }
        throw ApiProblemException.notFound("There is no " + what + " with id '" + printable(raw) + "'.");
    }

    private static String printable(String raw) {
        String shown = raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
        return shown.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
