package com.quickeats.adapter.http.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quickeats.adapter.http.problem.ApiProblemException;
import com.quickeats.adapter.http.problem.ProblemType;
import org.junit.jupiter.api.Test;

class IdempotencyKeysTest {

    @Test
    void theBareAndTheQuotedFormNameTheSameKey() {
        assertThat(IdempotencyKeys.parse("8e03978e-40d5")).isEqualTo("8e03978e-40d5");
        assertThat(IdempotencyKeys.parse("\"8e03978e-40d5\"")).isEqualTo("8e03978e-40d5");
        assertThat(IdempotencyKeys.parse(" abc ")).isEqualTo("abc");
    }

    @Test
    void aQuotedKeyMayEscapeQuotesAndBackslashes() {
        assertThat(IdempotencyKeys.parse("\"a\\\"b\\\\c\"")).isEqualTo("a\"b\\c");
    }

    @Test
    void aKeyIsOneTo255VisibleAsciiCharacters() {
        assertThat(IdempotencyKeys.parse("x".repeat(255))).hasSize(255);
        for (String bad : new String[] {"", "\"\"", "x".repeat(256), "a b", "caf\u00e9", "tab\tbed", "\"open",
                "\"bad\\escape\"", "\"inner\"quote\""}) {
            assertThatThrownBy(() -> IdempotencyKeys.parse(bad)).as(bad)
                    .isInstanceOfSatisfying(ApiProblemException.class, e ->
                            assertThat(e.problem().type()).isEqualTo(ProblemType.IDEMPOTENCY_KEY_MISSING));
        }
    }
}
