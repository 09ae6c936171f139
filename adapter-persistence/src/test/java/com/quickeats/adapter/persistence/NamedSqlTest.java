package com.quickeats.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The named-to-positional rewrite that the hot statements rely on: what is a parameter and what is not. */
class NamedSqlTest {

    @Test
    void eachNamedParameterBecomesAPositionalOneInOrder() {
        NamedSql sql = NamedSql.of("UPDATE orders SET status = :status, version = :version WHERE id = :id");

        assertThat(sql.jdbc()).isEqualTo("UPDATE orders SET status = ?, version = ? WHERE id = ?");
    }

    @Test
    void castsQuotedTextAndTrailingColonsAreLeftAlone() {
        NamedSql sql = NamedSql.of("SELECT :payload::jsonb, ':not_a_parameter', x::text FROM t WHERE a = :a_1 AND b = 'x:y'");

        assertThat(sql.jdbc()).isEqualTo("SELECT ?::jsonb, ':not_a_parameter', x::text FROM t WHERE a = ? AND b = 'x:y'");
    }

    @Test
    void aNameUsedTwiceTakesTwoPositions() {
        NamedSql sql = NamedSql.of("SELECT * FROM orders WHERE rider_id = :rider OR (status = 'ready' AND rider_id IS DISTINCT FROM :rider)");

        assertThat(sql.jdbc()).isEqualTo(
                "SELECT * FROM orders WHERE rider_id = ? OR (status = 'ready' AND rider_id IS DISTINCT FROM ?)");
    }
}
