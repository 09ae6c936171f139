package com.quickeats.bootstrap;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.Map;

/**
 * {@code %correlation} in logback.xml: {@code " request_id=… trace_id=…"} from the MDC that
 * {@link RequestCorrelation} fills, or nothing on a line that belongs to no request (start-up, purges).
 * A {@code %replace} of the two {@code %X} values did the same with a regular expression on every line.
 */
public final class LogCorrelation extends ClassicConverter {
    @Override
    public String convert(ILoggingEvent event) {
        Map<String, String> mdc = event.getMDCPropertyMap();
        String requestId = valueOf(mdc, RequestCorrelation.REQUEST_ID);
        String traceId = valueOf(mdc, RequestCorrelation.TRACE_ID);
        if (requestId.isEmpty() && traceId.isEmpty()) {
            return "";
        }
        return " request_id=" + requestId + " trace_id=" + traceId;
    }

    private static String valueOf(Map<String, String> mdc, String key) {
        String value = mdc == null ? null : mdc.get(key);
        return value == null ? "" : value;
    }
}
