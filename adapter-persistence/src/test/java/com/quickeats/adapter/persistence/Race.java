package com.quickeats.adapter.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * Runs N contenders at once, many times: each round, every contender gets ready on its own thread and waits
 * at a start gate, which opens when all are ready, so that they really hit the database together.
 */
final class Race implements AutoCloseable {
    private final int contenders;
    private final ExecutorService threads;

    Race(int contenders) {
        this.contenders = contenders;
        this.threads = Executors.newFixedThreadPool(contenders);
    }

    /** What one contender did: its result, or what it threw. */
    record Outcome<T>(T result, Throwable failure) {
        boolean succeeded() {
            return failure == null;
        }
    }

    /** One round: {@code contender.apply(i)} for every i, all released at once; returns their outcomes in order. */
    <T> List<Outcome<T>> run(IntFunction<Callable<T>> contender) {
        CountDownLatch ready = new CountDownLatch(contenders);
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            Callable<T> body = contender.apply(i);
            futures.add(threads.submit(() -> {
                ready.countDown();
                if (!gate.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the start gate never opened");
                }
                return body.call();
            }));
        }
        try {
            if (!ready.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not every contender got ready");
            }
            gate.countDown();
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<T> future : futures) {
                try {
                    outcomes.add(new Outcome<>(future.get(30, TimeUnit.SECONDS), null));
                } catch (ExecutionException e) {
                    outcomes.add(new Outcome<>(null, e.getCause()));
                }
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new AssertionError("a contender did not finish within 30 s: a deadlock or a lost wake-up", e);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
