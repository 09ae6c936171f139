package com.quickeats.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI 3.1 document seen as the 3.0 document that swagger-request-validator 2.x understands. That
 * validator parses 3.1 but then skips every {@code type} check, so the few 3.1-only constructs the document
 * uses are rewritten to their 3.0 equivalents: {@code type: [X, "null"]} and
 * {@code anyOf: [{$ref: X}, {type: "null"}]} become {@code nullable: true}, schema {@code examples} arrays
 * are dropped. Nothing else changes, so the validation is as strict as the document.
 */
final class OpenApi30View {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OpenApi30View() {
    }

    static ObjectNode of(JsonNode openApi31) {
        ObjectNode document = openApi31.deepCopy();
        if (!document.path("openapi").asText().startsWith("3.1")) {
            throw new IllegalArgumentException("expected an OpenAPI 3.1 document");
        }
        ObjectNode schemas = (ObjectNode) document.path("components").path("schemas");
        ObjectNode converted = (ObjectNode) convert(document, schemas);
        converted.put("openapi", "3.0.3");
        ((ObjectNode) converted.path("info")).remove("summary");
        return converted;
    }

    private static JsonNode convert(JsonNode node, ObjectNode schemas) {
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            node.forEach(element -> copy.add(convert(element, schemas)));
            return copy;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode object = (ObjectNode) node;
        JsonNode nullable = nullableAlternative(object, schemas);
        if (nullable != null) {
            return nullable;
        }
        ObjectNode copy = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals("examples") && field.getValue().isArray()) {
                continue;
            }
            copy.set(field.getKey(), convert(field.getValue(), schemas));
        }
        if (copy.path("type").isArray()) {
            List<String> types = new ArrayList<>();
            copy.path("type").forEach(t -> types.add(t.asText()));
            boolean withNull = types.remove("null");
            if (types.size() != 1) {
                throw new IllegalArgumentException("only [X] and [X, \"null\"] type lists are supported: " + node);
            }
            copy.put("type", types.get(0));
            if (withNull) {
                copy.put("nullable", true);
            }
        }
        return copy;
    }

    /** {@code anyOf}/{@code oneOf} of one schema and {@code null}: that schema, inlined, made nullable. */
    private static JsonNode nullableAlternative(ObjectNode object, ObjectNode schemas) {
        for (String keyword : List.of("anyOf", "oneOf")) {
            JsonNode alternatives = object.path(keyword);
            if (!alternatives.isArray() || alternatives.size() != 2) {
                continue;
            }
            JsonNode first = alternatives.get(0);
            JsonNode second = alternatives.get(1);
            JsonNode other = isNullType(second) ? first : isNullType(first) ? second : null;
            if (other == null) {
                continue;
            }
            ObjectNode inlined = (ObjectNode) convert(resolve(other, schemas), schemas);
            object.fields().forEachRemaining(f -> {
                if (!f.getKey().equals(keyword)) {
                    inlined.set(f.getKey(), convert(f.getValue(), schemas));
                }
            });
            inlined.put("nullable", true);
            return inlined;
        }
        return null;
    }

    private static JsonNode resolve(JsonNode schema, ObjectNode schemas) {
        String ref = schema.path("$ref").asText("");
        String prefix = "#/components/schemas/";
        if (!ref.startsWith(prefix)) {
            return schema.deepCopy();
        }
        JsonNode target = schemas.get(ref.substring(prefix.length()));
        if (target == null) {
            throw new IllegalArgumentException("unresolved " + ref);
        }
        return target.deepCopy();
    }

    private static boolean isNullType(JsonNode schema) {
        return schema.size() == 1 && schema.path("type").asText("").equals("null");
    }
}
