package com.quickeats.adapter.http.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.quickeats.adapter.http.json.JsonBodies;
import com.quickeats.adapter.http.problem.ApiProblemException;
import com.quickeats.adapter.http.problem.ProblemType;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * A request's body bytes (at most {@link #MAX_BYTES}; Javalin refuses more) and its declared media type.
 * The bytes are what the idempotency fingerprint digests; the JSON is read only when a use case needs it.
 */
public final class RequestBody {
    /** 64 KiB: the contract's limit; larger bodies get 413 before anything reads them. */
    public static final int MAX_BYTES = 64 * 1024;

    private final byte[] bytes;
    private final String contentType;

    private RequestBody(byte[] bytes, String contentType) {
        this.bytes = bytes;
        this.contentType = contentType;
    }

    public static RequestBody of(Context ctx) {
        return new RequestBody(ctx.bodyAsBytes(), ctx.header("Content-Type"));
    }

    /**
     * How much of an oversized body is read and thrown away before the 413 is sent, so that a client still
     * writing it reads the answer instead of a connection reset. Larger bodies are cut off.
     */
    private static final long DISCARD_AT_MOST = 8L * 1024 * 1024;

    /**
     * Runs before anything else looks at the request: refuses a body over the limit (413), and otherwise reads
     * the body (unparsed) so that whatever the answer — even a 401 or 404 that never needs it — the client
     * that is still sending it gets to read that answer instead of a reset connection.
     */
    public static void readUpFront(Context ctx) {
        long length = ctx.req().getContentLengthLong();
        if (length > MAX_BYTES) {
            discardRest(ctx);
            throw tooLarge();
        }
        if (hasNoBody(ctx.req(), length)) {
            return; // nothing is on its way, so nothing to read (most GETs): RequestBody.of still sees the empty body
        }
        ctx.bodyAsBytes();
    }

    /**
     * An HTTP/1.x request without {@code Content-Length} and {@code Transfer-Encoding}, or with a zero length,
     * carries no body (RFC 9112 §6.3). Over other protocols a body may come without either, so it is read.
     */
    static boolean hasNoBody(HttpServletRequest request, long contentLength) {
        if (contentLength == 0) {
            return true;
        }
        return contentLength < 0 && request.getHeader("Transfer-Encoding") == null
                && request.getProtocol().startsWith("HTTP/1.");
    }

    /** Reads what is left of the body, unparsed, up to {@link #DISCARD_AT_MOST} bytes. */
    public static void discardRest(Context ctx) {
        byte[] sink = new byte[16 * 1024];
        long discarded = 0;
        try (InputStream in = ctx.req().getInputStream()) {
            int read;
            while (discarded < DISCARD_AT_MOST && (read = in.read(sink)) >= 0) {
                discarded += read;
            }
        } catch (IOException | IllegalStateException unreadable) {
            // the connection is closed after the 413 anyway
        }
    }

    public static ApiProblemException tooLarge() {
        return ApiProblemException.of(ProblemType.PAYLOAD_TOO_LARGE,
                "The request body is larger than " + MAX_BYTES + " bytes (64 KiB).");
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** The body as JSON; it must be declared as JSON (else 415) and be present (else 400). */
    public JsonNode json(JsonBodies parser) {
        requireJsonMediaType();
        return parser.parse(bytes);
    }

    /** The body as JSON when there is one; an empty body is no body, whatever its declared type. */
    public Optional<JsonNode> optionalJson(JsonBodies parser) {
        if (isBlank()) {
            return Optional.empty();
        }
        return Optional.of(json(parser));
    }

    private void requireJsonMediaType() {
        if (!isJson(contentType)) {
            throw ApiProblemException.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Send the body as Content-Type: application/json"
                            + (contentType == null ? "; no Content-Type was given." : ", not '" + contentType + "'."));
        }
    }

    /** {@code application/json} or a {@code +json} type, with any parameters. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json")
                || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
    }

    private boolean isBlank() {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
