package com.quickeats.bootstrap.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Runs requests on as many threads, released together by one gate, and collects every reply. */
final class Concurrently {
    private Concurrently() {
    }

    static List<Reply> send(int count, IntFunction<Api.Call> request) {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch ready = new CountDownLatch(count);
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Api.Call call = request.apply(i);
                replies.add(threads.submit(() -> {
                    ready.countDown();
                    gate.await();
                    return call.send();
                }));
            }
            ready.await();
            gate.countDown();
            List<Reply> all = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                all.add(reply.get(2, TimeUnit.MINUTES));
            }
            return all;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            threads.shutdownNow();
        }
    }
}
