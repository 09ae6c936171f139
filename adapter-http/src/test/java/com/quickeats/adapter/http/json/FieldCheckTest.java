package com.quickeats.adapter.http.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.quickeats.order.domain.FieldViolation;
import com.quickeats.order.domain.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldCheckTest {
    private final JsonBodies bodies = new JsonBodies(JsonMapping.mapper());

    @Test
    void shapeProblemsAndTheCommandsOwnProblemsAreReportedTogetherOncePerField() {
        FieldCheck check = new FieldCheck();
        JsonFields fields = JsonFields.of(json("{\"a\": \"x\", \"b\": 5, \"c\": [1, {}]}"), check);
        assertThat(fields.integer("a")).isNull();
        assertThat(fields.text("b")).isNull();
        List<JsonFields> elements = fields.objects("c");
        elements.forEach(e -> e.require("q"));
        assertThatThrownBy(() -> check.build(() -> {
            throw new InvalidInputException(List.of(new FieldViolation("a", "duplicate"),
                    new FieldViolation("d", "is required")));
        })).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                .extracting(FieldViolation::field).containsExactly("a", "b", "c[0]", "c[1].q", "d"));
    }

    @Test
    void numbersBeyond64BitsAndNonIntegersAreReported() {
        FieldCheck check = new FieldCheck();
        JsonFields fields = JsonFields.of(json("{\"big\": 99999999999999999999, \"half\": 1.5, \"whole\": 2.0,"
                + " \"id\": 0, \"q\": 123456789012}"), check);
        assertThat(fields.integer("big")).isNull();
        assertThat(fields.integer("half")).isNull();
        assertThat(fields.integer("whole")).isEqualTo(2L);
        assertThat(fields.id("id")).isNull();
        assertThat(fields.smallInteger("q")).isEqualTo(Integer.MAX_VALUE);
        assertThatThrownBy(() -> check.build(() -> "built")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("big", "half", "id"));
    }

    @Test
    void textThatPostgresCannotStoreIsReported() {
        FieldCheck check = new FieldCheck();
        JsonFields fields = JsonFields.of(json("{\"nul\": \"a\\u0000b\", \"lone\": \"\\ud800\", \"ok\": \"치킨 😀\"}"),
                check);
        assertThat(fields.text("nul")).isNull();
        assertThat(fields.text("lone")).isNull();
        assertThat(fields.text("ok")).isEqualTo("치킨 😀");
    }

    @Test
    void malformedJsonIsAFieldProblemOfTheBody() {
        for (String bad : List.of("", "{", "{} {}", "{\"a\": 1, \"a\": 2}", "[".repeat(100) + "]".repeat(100), "NaN")) {
            assertThatThrownBy(() -> bodies.parse(bad.getBytes(StandardCharsets.UTF_8))).as(bad)
                    .isInstanceOfSatisfying(InvalidInputException.class, e ->
                            assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("body"));
        }
        assertThatThrownBy(() -> JsonFields.of(json("[]"), new FieldCheck()))
                .isInstanceOf(InvalidInputException.class);
    }

    private JsonNode json(String text) {
        return bodies.parse(text.getBytes(StandardCharsets.UTF_8));
    }
}
