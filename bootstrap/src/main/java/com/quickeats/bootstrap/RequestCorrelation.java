package com.quickeats.bootstrap;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.MDC;

/**
 * Ties every log line of a request to it: the outermost handler, so it runs before anything of the
 * request can log (body limits, path checks, error pages) and after the access-log line is written. It
 * takes the request id and the trace context, puts them in the MDC of the thread that runs the request,
 * returns them as {@code X-Request-Id} and {@code traceparent}, and clears the MDC when the request is
 * done, so a pooled thread never lends one request's ids to the next.
 */
final class RequestCorrelation extends Handler.Wrapper {
    static final String REQUEST_ID = "request_id";
    static final String TRACE_ID = "trace_id";
    static final String SPAN_ID = "span_id";
    static final String TRACE_ATTRIBUTE = "quickeats.trace";

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpFields headers = request.getHeaders();
        String requestId = RequestIds.acceptable(headers.get(RequestIds.HEADER));
        TraceContext trace = TraceContext.from(headers.getValuesList(TraceContext.HEADER));
        request.setAttribute(RequestIds.ATTRIBUTE, requestId);
        request.setAttribute(TRACE_ATTRIBUTE, trace);
        response.getHeaders().put(RequestIds.HEADER, requestId);
        response.getHeaders().put(TraceContext.HEADER, trace.traceparent());
        MDC.put(REQUEST_ID, requestId);
        MDC.put(TRACE_ID, trace.traceId());
        MDC.put(SPAN_ID, trace.spanId());
        try {
            return super.handle(request, response, callback);
        } finally {
            MDC.remove(REQUEST_ID);
            MDC.remove(TRACE_ID);
            MDC.remove(SPAN_ID);
        }
    }
}
