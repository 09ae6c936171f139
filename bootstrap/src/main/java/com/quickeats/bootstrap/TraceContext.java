package com.quickeats.bootstrap;

import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The W3C Trace Context of one request (https://www.w3.org/TR/trace-context/, {@code traceparent}): the
 * trace a caller started, continued with a span of our own, or a new trace when the caller sent none or a
 * malformed one — a bad header is the caller's tracing problem, never a reason to refuse the order.
 *
 * @param traceId  32 lowercase hex digits, the whole trace (the caller's, or new)
 * @param parentId the caller's span, 16 hex digits; {@code null} when we started the trace
 * @param spanId   this request's span, 16 hex digits, new for every request
 * @param flags    the trace flags; only "sampled" (bit 0) is defined for version 00, and we pass it on
 */
record TraceContext(String traceId, String parentId, String spanId, String flags) {
    static final String HEADER = "traceparent";
    private static final int VERSION_00_LENGTH = 55;
    private static final String SAMPLED = "01";
    private static final HexFormat HEX = HexFormat.of();

    /** Continues the caller's trace from its {@code traceparent} header values, or starts a new one. */
    static TraceContext from(List<String> traceparents) {
        if (traceparents == null || traceparents.size() != 1) {
            return start(); // absent, or several: the spec makes the caller's context unusable
        }
        String value = traceparents.get(0).strip();
        if (!valid(value)) {
            return start();
        }
        String traceId = value.substring(3, 35);
        String parentId = value.substring(36, 52);
        int flags = Integer.parseInt(value.substring(53, 55), 16) & 0x01;
        return new TraceContext(traceId, parentId, newSpanId(), flags == 1 ? SAMPLED : "00");
    }

    static TraceContext start() {
        byte[] trace = new byte[16];
        ThreadLocalRandom.current().nextBytes(trace);
        trace[0] |= 1; // never the all-zero id the spec forbids
        return new TraceContext(HEX.formatHex(trace), null, newSpanId(), SAMPLED);
    }

    /** What goes back to the caller (and to any service we call): version 00, the trace, our span. */
    String traceparent() {
        return "00-" + traceId + '-' + spanId + '-' + flags;
    }

    /**
     * {@code version-traceid-parentid-flags}, lowercase hex. Version ff is invalid; a version 00 header is
     * exactly 55 characters; a later version may append fields after a further dash, which we ignore.
     */
    static boolean valid(String value) {
        if (value.length() < VERSION_00_LENGTH || !hex(value, 0, 2) || value.startsWith("ff")) {
            return false;
        }
        boolean version00 = value.startsWith("00");
        if (version00 ? value.length() != VERSION_00_LENGTH
                : value.length() > VERSION_00_LENGTH && value.charAt(VERSION_00_LENGTH) != '-') {
            return false;
        }
        return value.charAt(2) == '-' && value.charAt(35) == '-' && value.charAt(52) == '-'
                && hex(value, 3, 35) && !zeros(value, 3, 35)
                && hex(value, 36, 52) && !zeros(value, 36, 52)
                && hex(value, 53, 55);
    }

    private static boolean hex(String value, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static boolean zeros(String value, int from, int to) {
        for (int i = from; i < to; i++) {
            if (value.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }

    private static String newSpanId() {
        byte[] span = new byte[8];
        ThreadLocalRandom.current().nextBytes(span);
        span[0] |= 1;
        return HEX.formatHex(span);
    }
}
