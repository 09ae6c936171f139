package com.quickeats.adapter.http.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Problem details for what Jetty refuses before Javalin sees the request (a malformed URI or header, a
 * URI too long): still {@code application/problem+json}, never an HTML page or a stack trace.
 */
public final class JettyProblemErrorHandler extends ErrorHandler {
    private final ObjectMapper mapper;

    public JettyProblemErrorHandler(ObjectMapper mapper) {
        this.mapper = mapper;
        setShowStacks(false);
        setShowCauses(false);
    }

    /** Jetty writes a body only for GET, POST and HEAD by default; a refused PATCH deserves a problem too. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemWriter.CONTENT_TYPE);
        // The request's body was never read, so this connection cannot carry another request: say so.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(body(code, path)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, ProblemWriter.CONTENT_TYPE));
        return ByteBuffer.wrap(body(status, null));
    }

    private byte[] body(int status, String path) {
        Map<String, Object> body = new LinkedHashMap<>();
        ProblemType type = typeOf(status);
        body.put("type", type == null ? "about:blank" : type.uri());
        body.put("title", type == null ? HttpStatus.getMessage(status) : type.title());
        body.put("status", status);
        body.put("detail", "The request could not be processed: " + HttpStatus.getMessage(status) + ".");
        body.put("instance", path == null || path.isEmpty() || path.equals("/badMessage") ? "/" : path);
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers always serialises", e);
        }
    }

    /** The contract's problem for a status Jetty answers with; {@code null} (about:blank) for the others. */
    private static ProblemType typeOf(int status) {
        return switch (status) {
            case 400 -> ProblemType.MALFORMED_REQUEST;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 414 -> ProblemType.URI_TOO_LONG;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case 431 -> ProblemType.REQUEST_HEADER_TOO_LARGE;
            case 500 -> ProblemType.INTERNAL;
            case 503 -> ProblemType.SERVICE_UNAVAILABLE;
            default -> null;
        };
    }
}
