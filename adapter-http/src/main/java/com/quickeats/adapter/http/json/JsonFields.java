package com.quickeats.adapter.http.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quickeats.order.domain.InvalidInputException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Typed reads of one JSON object's fields, by their wire names. A field that is absent or {@code null}
 * reads as {@code null}; one of the wrong type is reported to the {@link FieldCheck} (under its full
 * path, e.g. {@code items[0].quantity}) and also reads as {@code null}.
 */
public final class JsonFields {
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final ObjectNode node;
    private final String prefix;
    private final FieldCheck check;

    private JsonFields(ObjectNode node, String prefix, FieldCheck check) {
        this.node = node;
        this.prefix = prefix;
        this.check = check;
    }

    /** The body's fields; a body that is not a JSON object is refused at once. */
    public static JsonFields of(JsonNode body, FieldCheck check) {
        if (!(body instanceof ObjectNode object)) {
            throw InvalidInputException.of("body", "must be a JSON object");
        }
        return new JsonFields(object, "", check);
    }

    /** No fields at all: what an absent optional body reads as. */
    public static JsonFields empty(FieldCheck check) {
        return new JsonFields(JsonNodeFactory.instance.objectNode(), "", check);
    }

    private String path(String name) {
        return prefix + name;
    }

    public boolean present(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    /**
     * Reports {@code name} as required when it is absent or null, unless it (or the element holding it)
     * was already reported.
     */
    public void require(String name) {
        boolean elementReported = !prefix.isEmpty() && check.reported(prefix.substring(0, prefix.length() - 1));
        if (!present(name) && !elementReported && !check.reported(path(name))) {
            check.add(path(name), "is required");
        }
    }

    public String text(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            return wrong(name, "must be a string");
        }
        String text = value.textValue();
        if (!isStorableText(text)) {
            return wrong(name, "must be valid Unicode text without NUL characters");
        }
        return text;
    }

    /** No NUL (PostgreSQL text cannot hold it) and no unpaired surrogate (it has no UTF-8 form). */
    private static boolean isStorableText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    public Boolean bool(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            return wrong(name, "must be true or false");
        }
        return value.booleanValue();
    }

    /** A 64-bit integer; the command checks its own range. */
    public Long integer(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (!isWhole(value)) {
            return wrong(name, "must be an integer");
        }
        BigInteger exact = value.bigIntegerValue();
        if (exact.compareTo(LONG_MIN) < 0 || exact.compareTo(LONG_MAX) > 0) {
            return wrong(name, "is out of range");
        }
        return exact.longValue();
    }

    /** An integer clamped to the 32-bit range, for counts such as quantities. */
    public Integer smallInteger(String name) {
        Long value = integer(name);
        return value == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }

    /** A positive 64-bit identifier. */
    public Long id(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (!isWhole(value) || value.bigIntegerValue().signum() <= 0
                || value.bigIntegerValue().compareTo(LONG_MAX) > 0) {
            return wrong(name, "must be a positive 64-bit integer id");
        }
        return value.bigIntegerValue().longValue();
    }

    /** One of a closed set of wire names, e.g. a payment method. */
    public <E> E choice(String name, Function<String, Optional<E>> byWireName, List<String> allowed) {
        String text = text(name);
        if (text == null) {
            return null;
        }
        return byWireName.apply(text).orElseGet(() -> wrong(name, "must be one of " + String.join(", ", allowed)));
    }

    /**
     * The objects of an array field, each read with its index in the path; an element that is not an
     * object is reported and read as having no fields.
     */
    public List<JsonFields> objects(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            return wrong(name, "must be an array");
        }
        List<JsonFields> elements = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            String elementPath = path(name) + "[" + i + "]";
            JsonNode element = value.get(i);
            if (element instanceof ObjectNode object) {
                elements.add(new JsonFields(object, elementPath + ".", check));
            } else {
                check.add(elementPath, "must be an object");
                elements.add(new JsonFields(JsonNodeFactory.instance.objectNode(), elementPath + ".", check));
            }
        }
        return elements;
    }

    private JsonNode value(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private static boolean isWhole(JsonNode value) {
        return value.isIntegralNumber() || (value.isFloatingPointNumber() && value.canConvertToExactIntegral());
    }

    private <T> T wrong(String name, String message) {
        check.add(path(name), message);
        return null;
    }
}
