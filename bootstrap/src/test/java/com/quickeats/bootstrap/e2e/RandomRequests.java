package com.quickeats.bootstrap.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Malformed and half-valid requests drawn from a seeded {@link Random}: random paths, ids, query strings,
 * header values and bodies, mixed with real ids, ETags and tokens so that many get past the first checks.
 */
final class RandomRequests {
    private static final String[] METHODS = {"GET", "POST", "PATCH", "PUT", "DELETE", "HEAD", "OPTIONS"};
    /** The API's routes with their own method: most requests use it, some another. */
    private static final String[][] ROUTES = {{"POST", "/api/v2/orders"}, {"GET", "/api/v2/orders"},
            {"GET", "/api/v2/orders/{id}"}, {"GET", "/api/v2/orders/{id}/events"},
            {"POST", "/api/v2/orders/{id}/payment"}, {"POST", "/api/v2/orders/{id}/payment"},
            {"POST", "/api/v2/orders/{id}/acceptance"}, {"POST", "/api/v2/orders/{id}/preparation-complete"},
            {"POST", "/api/v2/orders/{id}/pickup"}, {"POST", "/api/v2/orders/{id}/delivery"},
            {"POST", "/api/v2/orders/{id}/cancellation"}, {"GET", "/api/v2/restaurants"},
            {"POST", "/api/v2/restaurants"}, {"GET", "/api/v2/restaurants/{id}"},
            {"POST", "/api/v2/restaurants/{id}/menu-items"}, {"PATCH", "/api/v2/restaurants/{id}/menu-items/{item}"},
            {"GET", "/api/v2/restaurants/{id}/menu-items/{item}"}, {"GET", "/problems/{word}"},
            {"GET", "/api/v2/{word}"}, {"POST", "/{word}"}};
    private static final String[] FIELDS = {"restaurant_id", "restaurant_name", "items", "menu_item_id", "quantity",
            "delivery_address", "payment_method", "amount", "reason", "name", "owner_id", "price", "available"};
    private static final String[] CONTENT_TYPES = {"application/json", "application/json", "application/json",
            "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded", "application/xml",
            "multipart/form-data; boundary=x", "application/merge-patch+json", "application/json; charset=latin1",
            "*/*", "json", ""};

    /**
     * Well-formed percent-escapes of invalid UTF-8, surrogates and characters a path rarely holds (the client
     * cannot send malformed ones; {@code FuzzTest}'s raw requests do).
     */
    static final String[] ESCAPES = {"%C0%AF", "%ED%A0%80", "%FF%FE", "%F0%9F%98%80", "%2e%2e", "%25", "%00", "%7F",
        "a+b", "%EF%BF%BD", "%E2%80%AE", "%C3%A9", "%E0%A4", "%2F%2F", "%5C", "%0A"};

    private final Random random;
    private final List<Long> ids;
    private final List<Long> orderIds;
    private final List<Long> restaurantIds;
    private final List<Long> itemIds;
    private final List<String> etags;
    private final List<String> tokens;
    private final long total;

    /** Real values to mix in: ids of each kind, ETags, valid tokens and an order's total. */
    RandomRequests(Random random, List<Long> orderIds, List<Long> restaurantIds, List<Long> itemIds,
                   List<String> etags, List<String> tokens, long total) {
        this.random = random;
        this.orderIds = orderIds;
        this.restaurantIds = restaurantIds;
        this.itemIds = itemIds;
        this.ids = new ArrayList<>(orderIds);
        this.ids.addAll(restaurantIds);
        this.ids.addAll(itemIds);
        this.etags = etags;
        this.tokens = tokens;
        this.total = total;
    }

    /** One request, ready to send; {@code describe()} says what it was. */
    record Request(String method, String path, List<String[]> headers, byte[] body) {
        String describe() {
            List<String> shown = new ArrayList<>();
            headers.forEach(h -> shown.add(h[0] + ": " + (h[1].length() > 60 ? h[1].substring(0, 60) + "…" : h[1])));
            String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            return method + " " + path + " " + shown + " body["
                    + (text.length() > 120 ? text.substring(0, 120) + "…" : text) + "]";
        }

        Api.Call toCall(Api api) {
            Api.Call call = api.method(method, path);
            headers.forEach(h -> call.header(h[0], h[1]));
            if (body != null) {
                call.body(body);
            }
            return call;
        }
    }

    Request next() {
        String[] route = pick(ROUTES);
        String method = chance(85) ? route[0] : pick(METHODS);
        String path = path(route[1]) + (chance(25) ? "?" + query() : "");
        List<String[]> headers = new ArrayList<>();
        if (!chance(10)) {
            headers.add(new String[] {"Authorization", authorization()});
        }
        if (chance(70)) {
            headers.add(new String[] {"If-Match", ifMatch()});
        }
        if (chance(15)) {
            headers.add(new String[] {"If-None-Match", ifMatch()});
        }
        if (chance(60)) {
            headers.add(new String[] {"Idempotency-Key", idempotencyKey()});
        }
        byte[] body = null;
        if (!method.equals("GET") && !method.equals("HEAD") && chance(80)) {
            body = body();
            String type = pick(CONTENT_TYPES);
            if (!type.isEmpty()) {
                headers.add(new String[] {"Content-Type", type});
            }
        }
        return new Request(method, path, headers, body);
    }

    private String path(String template) {
        List<Long> kind = template.startsWith("/api/v2/orders") ? orderIds : restaurantIds;
        String path = template.replace("{id}", id(kind)).replace("{item}", id(itemIds))
                .replace("{word}", segment());
        if (chance(15)) {
            path += "/";
        }
        if (chance(5)) {
            path += "/" + segment();
        }
        if (chance(3)) {
            path = path.replaceFirst("/v2/", "/v2//");
        }
        return path;
    }

    private String id(List<Long> real) {
        return switch (random.nextInt(11)) {
            case 0, 1, 2, 3, 4, 5 -> Long.toString(pick(real));
            case 6 -> Long.toString(random.nextLong());
            case 7 -> pick(new String[] {"0", "-1", "9223372036854775807", "9223372036854775808",
                    "99999999999999999999999999", "1.0", "1e3", "0x10", "+1", "%2F", "%20", "١"});
            case 8 -> pick(ESCAPES) + (random.nextBoolean() ? "" : Long.toString(pick(real)));
            default -> segment();
        };
    }


    private String segment() {
        String text = text(1 + random.nextInt(12), false);
        return encode(text.isEmpty() ? "x" : text);
    }

    private String query() {
        List<String> pairs = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            String key = pick(new String[] {"limit", "status", "cursor", "restaurant_id", text(4, false)});
            String value = switch (random.nextInt(5)) {
                case 0 -> Integer.toString(random.nextInt(300) - 100);
                case 1 -> pick(new String[] {"pending_payment", "delivered", "PREPARING", ""});
                case 2 -> Long.toString(pick(ids));
                default -> text(random.nextInt(40), false);
            };
            pairs.add(encode(key) + "=" + (chance(10) ? pick(ESCAPES) : encode(value)));
        }
        return String.join("&", pairs);
    }

    private String authorization() {
        return switch (random.nextInt(8)) {
            case 0, 1, 2, 3, 4 -> "Bearer " + pick(tokens);
            case 5 -> "Bearer " + mutate(pick(tokens));
            case 6 -> pick(new String[] {"Bearer", "Bearer ", "Basic eDp5", "bearer" + pick(tokens), "Token abc",
                    "Bearer " + Tokens.expired("customer-x", "customer"), "Bearer " + Tokens.unsigned("a", "admin")});
            default -> "Bearer " + headerText(random.nextInt(200));
        };
    }

    private String ifMatch() {
        return switch (random.nextInt(8)) {
            case 0, 1, 2 -> pick(etags);
            case 3 -> "*";
            case 4 -> "W/" + pick(etags);
            case 5 -> pick(etags) + ", " + pick(etags);
            default -> headerText(random.nextInt(40));
        };
    }

    private String idempotencyKey() {
        return switch (random.nextInt(6)) {
            case 0, 1 -> "key-" + random.nextInt(50);
            case 2 -> "\"key-" + random.nextInt(50) + "\"";
            case 3 -> "k".repeat(250 + random.nextInt(10));
            default -> headerText(random.nextInt(30));
        };
    }

    private byte[] body() {
        return switch (random.nextInt(10)) {
            case 0 -> randomBytes(random.nextInt(200));
            case 1 -> new byte[0];
            case 2 -> utf8(deepNesting(1 + random.nextInt(20_000)));
            case 3 -> {
                String json = Json.write(jsonValue(3));
                yield utf8(json.substring(0, random.nextInt(json.length() + 1)));
            }
            case 4 -> chance(20) ? new byte[65 * 1024 + random.nextInt(4096)] : utf8(Json.write(jsonValue(4)));
            default -> utf8(Json.write(plausibleObject()));
        };
    }

    /**
     * A body of one of the API's shapes with real ids and the real total, one field of it sometimes replaced by
     * a random value or dropped: gets past parsing, and often past validation into the use cases.
     */
    private Object plausibleObject() {
        Map<String, Object> body = switch (random.nextInt(5)) {
            case 0 -> Json.object("restaurant_id", pick(restaurantIds), "items", List.of(Json.object("menu_item_id",
                    pick(itemIds), "quantity", 1 + random.nextInt(3))), "delivery_address", "서울");
            case 1, 2 -> Json.object("payment_method", pick(new String[] {"card", "point", "cash"}),
                    "amount", chance(70) ? total : random.nextInt(50_000));
            case 3 -> Json.object("reason", text(random.nextInt(20), false));
            default -> Json.object("name", text(1 + random.nextInt(20), false), "owner_id", "owner-x",
                    "price", random.nextInt(30_000), "available", random.nextBoolean());
        };
        if (chance(50)) {
            List<String> keys = new ArrayList<>(body.keySet());
            String key = keys.get(random.nextInt(keys.size()));
            if (chance(30)) {
                body.remove(key);
            } else {
                body.put(key, jsonValue(2));
            }
        }
        if (chance(10)) {
            body.put(pick(FIELDS), jsonValue(2));
        }
        return body;
    }

    private Object jsonValue(int depth) {
        int kind = random.nextInt(depth <= 0 ? 6 : 8);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> pick(new Object[] {0, -1, 1, 99, 100, Integer.MAX_VALUE, Long.MAX_VALUE, Long.MIN_VALUE,
                    new java.math.BigInteger("123456789012345678901234567890"), 1.5, -0.0, 1e300, 18000});
            case 3 -> random.nextLong();
            case 4, 5 -> text(random.nextInt(chance(5) ? 700 : 30), true);
            case 6 -> {
                List<Object> list = new ArrayList<>();
                int size = random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    list.add(jsonValue(depth - 1));
                }
                yield list;
            }
            default -> {
                List<Object> kv = new ArrayList<>();
                int size = random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    kv.add(chance(60) ? pick(FIELDS) : text(5, true));
                    kv.add(jsonValue(depth - 1));
                }
                yield Json.object(kv.toArray());
            }
        };
    }

    private String deepNesting(int depth) {
        return "[".repeat(depth) + "]".repeat(chance(50) ? depth : depth / 2);
    }

    /** Random text: ASCII, Korean, quotes, backslashes and, when {@code controls}, control characters and NUL. */
    private String text(int length, boolean controls) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            if (kind < 6) {
                text.append((char) (0x20 + random.nextInt(0x5F)));
            } else if (kind < 8) {
                text.append((char) (0xAC00 + random.nextInt(0x2BA4)));
            } else if (kind == 8) {
                text.append(pick(new String[] {"\"", "\\", "/", "%", "'", "😀", "\uD800"}));
            } else {
                text.append(controls ? (char) random.nextInt(0x20) : '.');
            }
        }
        return text.toString();
    }

    /** What a header value may hold for java.net.http: visible ASCII and spaces. */
    private String headerText(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) (0x21 + random.nextInt(0x5E)));
            if (chance(5)) {
                text.append(' ');
            }
        }
        return text.toString();
    }

    private String mutate(String token) {
        if (token.isEmpty()) {
            return "x";
        }
        char[] chars = token.toCharArray();
        int at = random.nextInt(chars.length);
        chars[at] = (char) (0x21 + random.nextInt(0x5E));
        return random.nextBoolean() ? new String(chars) : token.substring(0, at);
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
