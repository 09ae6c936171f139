package com.quickeats.adapter.http.problem;

import com.quickeats.order.domain.FieldViolation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Extension members in their wire shape. */
final class ProblemMembers {
    private ProblemMembers() {
    }

    /** {@code errors: [{"field": "items[0].quantity", "message": "..."}]}. */
    static List<Map<String, String>> errors(List<FieldViolation> violations) {
        return violations.stream().map(v -> {
            Map<String, String> error = new LinkedHashMap<>();
            error.put("field", v.field());
            error.put("message", v.message());
            return error;
        }).toList();
    }
}
