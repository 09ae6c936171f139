package com.quickeats.adapter.http.request;

import com.quickeats.adapter.http.problem.ApiProblemException;
import com.quickeats.adapter.http.problem.ProblemType;
import io.javalin.http.Context;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Reads the {@code Idempotency-Key} header (contract §7): 1–255 visible ASCII characters, bare or as a
 * quoted structured-field string ({@code "abc"} and {@code abc} are the same key).
 */
public final class IdempotencyKeys {
    public static final String HEADER = "Idempotency-Key";
    static final int MAX_LENGTH = 255;

    private IdempotencyKeys() {
    }

    /** The key if one was sent; a malformed one is refused (a client that sends one means to be safe). */
    public static Optional<String> optional(Context ctx) {
        List<String> values = Collections.list(ctx.req().getHeaders(HEADER));
        if (values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw invalid("Send exactly one Idempotency-Key header.");
        }
        return Optional.of(parse(values.get(0)));
    }

    public static String required(Context ctx) {
        return optional(ctx).orElseThrow(() -> invalid(
                "This request must carry an Idempotency-Key header (1 to 255 visible ASCII characters), so that"
                        + " a retry never repeats its effect."));
    }

    /** The key named by a header value, bare or quoted. */
    static String parse(String headerValue) {
        String value = headerValue.strip();
        boolean quoted = value.startsWith("\"");
        if (quoted && (value.length() < 2 || !value.endsWith("\""))) {
            throw invalid("A quoted Idempotency-Key must end with a '\"'.");
        }
        String key = quoted ? unescape(value.substring(1, value.length() - 1)) : value;
        if (key.isEmpty() || key.length() > MAX_LENGTH || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7E)) {
            throw invalid("An Idempotency-Key must be 1 to " + MAX_LENGTH + " visible ASCII characters.");
        }
        return key;
    }

    private static String unescape(String quoted) {
        StringBuilder key = new StringBuilder(quoted.length());
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            if (c == '\\') {
                if (i + 1 >= quoted.length() || (quoted.charAt(i + 1) != '"' && quoted.charAt(i + 1) != '\\')) {
                    throw invalid("A quoted Idempotency-Key may escape only '\"' and '\\'.");
                }
                c = quoted.charAt(++i);
            } else if (c == '"') {
                throw invalid("A quoted Idempotency-Key must escape '\"' inside it.");
            }
            key.append(c);
        }
        return key.toString();
    }

    private static ApiProblemException invalid(String detail) {
        return ApiProblemException.of(ProblemType.IDEMPOTENCY_KEY_MISSING, detail);
    }
}
