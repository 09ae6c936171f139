package com.quickeats.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** W3C trace-context level 1, section 3.2: which {@code traceparent} values continue a trace. */
class TraceContextTest {
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT = "00f067aa0ba902b7";

    @Test
    void aValidHeaderContinuesTheTraceWithANewSpan() {
        TraceContext trace = TraceContext.from(List.of("00-" + TRACE + "-" + PARENT + "-01"));

        assertThat(trace.traceId()).isEqualTo(TRACE);
        assertThat(trace.parentId()).isEqualTo(PARENT);
        assertThat(trace.spanId()).matches("[0-9a-f]{16}").isNotEqualTo(PARENT);
        assertThat(trace.traceparent()).isEqualTo("00-" + TRACE + "-" + trace.spanId() + "-01");
        assertThat(TraceContext.from(List.of("00-" + TRACE + "-" + PARENT + "-00")).flags()).isEqualTo("00");
    }

    @Test
    void aLaterVersionIsReadAsVersion00AndAnsweredAsVersion00() {
        TraceContext trace = TraceContext.from(List.of("cc-" + TRACE + "-" + PARENT + "-01-what-the-future-adds"));

        assertThat(trace.traceId()).isEqualTo(TRACE);
        assertThat(trace.traceparent()).startsWith("00-" + TRACE + "-");
    }

    @Test
    void everyMalformedHeaderStartsANewTrace() {
        List<String> malformed = List.of("", "garbage",
                "00-" + TRACE + "-" + PARENT + "-01-extra",              // version 00 is exactly 55 characters
                "cc-" + TRACE + "-" + PARENT + "-01x",                   // a later version's extra part starts with '-'
                "ff-" + TRACE + "-" + PARENT + "-01",                    // version ff is forbidden
                "0g-" + TRACE + "-" + PARENT + "-01",
                "00-" + TRACE.toUpperCase() + "-" + PARENT + "-01",      // lowercase hex only
                "00-" + "0".repeat(32) + "-" + PARENT + "-01",           // all-zero trace id
                "00-" + TRACE + "-" + "0".repeat(16) + "-01",            // all-zero parent id
                "00-" + TRACE + "-" + PARENT + "-1",
                "00_" + TRACE + "_" + PARENT + "_01",
                "00-" + TRACE.substring(1) + "-" + PARENT + "-011");
        for (String value : malformed) {
            TraceContext trace = TraceContext.from(List.of(value));
            assertThat(trace.parentId()).as(value).isNull();
            assertThat(trace.traceId()).as(value).matches("[0-9a-f]{32}").isNotEqualTo(TRACE).isNotEqualTo("0".repeat(32));
        }
    }

    @Test
    void noHeaderOrSeveralStartANewTrace() {
        assertThat(TraceContext.from(List.of()).parentId()).isNull();
        assertThat(TraceContext.from(null).parentId()).isNull();
        String valid = "00-" + TRACE + "-" + PARENT + "-01";
        assertThat(TraceContext.from(List.of(valid, valid)).parentId()).isNull();
    }

    @Test
    void newTracesAreDistinct() {
        assertThat(TraceContext.start().traceId()).isNotEqualTo(TraceContext.start().traceId());
    }
}
