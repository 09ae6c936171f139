package com.quickeats.adapter.http.order;

import com.quickeats.order.application.port.in.FeedMessage;
import com.quickeats.order.application.port.in.FeedSink;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * One client's event stream, written with the servlet container's non-blocking output: no thread waits on a
 * slow client, and an idle one holds no thread at all. Frames wait in a bounded queue while the client's
 * socket is not ready; when the queue is full, or nothing could be written for a whole keep-alive period, the
 * stream ends and the client resumes with its last event id.
 */
final class SseConnection implements FeedSink, WriteListener, AsyncListener {
    private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);
    /** Tells EventSource clients to reconnect after 2 s, and commits the response at once. */
    private static final byte[] PREAMBLE = "retry: 2000\n\n".getBytes(StandardCharsets.UTF_8);

    private final int capacity;
    private final ArrayDeque<byte[]> pending = new ArrayDeque<>();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private ServletOutputStream out;
    private boolean open = true;
    private boolean flushNeeded;
    private boolean movedSinceKeepAlive = true;

    SseConnection(int capacity) {
        this.capacity = capacity;
        pending.add(PREAMBLE);
    }

    /** Starts writing; call once the request is asynchronous. Completes when the stream has ended. */
    CompletableFuture<Void> open(HttpServletResponse response, jakarta.servlet.AsyncContext async) throws IOException {
        response.setStatus(200);
        response.setContentType(OrderStreamRoutes.EVENT_STREAM);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Accel-Buffering", "no");
        async.addListener(this);
        ServletOutputStream stream = response.getOutputStream();
        synchronized (this) {
            out = stream;
        }
        stream.setWriteListener(this);
        return done;
    }

    @Override
    public boolean send(FeedMessage message) {
        byte[] frame = ("id: " + message.id() + "\nevent: " + message.type() + "\ndata: " + message.data() + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
        boolean overflow;
        synchronized (this) {
            if (!open) {
                return false;
            }
            overflow = pending.size() >= capacity;
            if (!overflow) {
                pending.add(frame);
                drain();
            }
        }
        if (overflow) {
            end();
            return false;
        }
        return true;
    }

    @Override
    public boolean keepAlive() {
        boolean stalled;
        synchronized (this) {
            if (!open) {
                return false;
            }
            stalled = !pending.isEmpty() && !movedSinceKeepAlive;
            movedSinceKeepAlive = false;
            if (!stalled && pending.isEmpty()) {
                pending.add(KEEP_ALIVE);
                drain();
            }
        }
        if (stalled) {
            end();
            return false;
        }
        return true;
    }

    @Override
    public synchronized int room() {
        return open ? Math.max(0, capacity - pending.size()) : 0;
    }

    @Override
    public synchronized boolean isOpen() {
        return open;
    }

    @Override
    public void end() {
        synchronized (this) {
            if (!open) {
                return;
            }
            open = false;
            pending.clear();
        }
        done.complete(null);
    }

    /** Writes what the socket takes now; the container calls {@link #onWritePossible} when it takes more. */
    private void drain() {
        if (out == null) {
            return;
        }
        try {
            while (out.isReady()) {
                byte[] next = pending.poll();
                if (next != null) {
                    out.write(next);
                    movedSinceKeepAlive = true;
                    flushNeeded = true;
                } else if (flushNeeded) {
                    flushNeeded = false;
                    out.flush();
                } else {
                    return;
                }
            }
        } catch (IOException | IllegalStateException clientGone) {
            open = false;
            pending.clear();
            done.complete(null);
        }
    }

    @Override
    public synchronized void onWritePossible() {
        if (open) {
            drain();
        }
    }

    @Override
    public void onError(Throwable failure) {
        end();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        end();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        end();
    }

    @Override
    public void onError(AsyncEvent event) {
        end();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // nothing to do when the request goes asynchronous again
    }
}
