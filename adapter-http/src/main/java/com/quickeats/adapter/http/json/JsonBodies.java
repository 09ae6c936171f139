package com.quickeats.adapter.http.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.quickeats.order.domain.InvalidInputException;
import java.io.IOException;

/** Parses request bodies into JSON trees; anything that is not one JSON value is a malformed request. */
public final class JsonBodies {
    private final ObjectMapper mapper;

    public JsonBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** @throws InvalidInputException naming the field {@code body} when the bytes are not JSON */
    public JsonNode parse(byte[] body) {
        try {
            JsonNode tree = mapper.readTree(body);
            if (tree == null || tree.isMissingNode()) {
                throw InvalidInputException.of("body", "is empty; send a JSON object");
            }
            return tree;
        } catch (JacksonException e) {
            throw InvalidInputException.of("body", "is not valid JSON" + where(e.getLocation()));
        } catch (IOException e) {
            throw InvalidInputException.of("body", "could not be read as JSON");
        }
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
