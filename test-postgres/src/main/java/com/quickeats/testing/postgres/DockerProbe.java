package com.quickeats.testing.postgres;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.testcontainers.DockerClientFactory;

/** Asks Testcontainers whether a Docker daemon answers, never waiting longer than a bound. */
final class DockerProbe {

    private DockerProbe() {
    }

    /** False when no daemon answers, when the question takes longer than {@code timeout}, or when it fails. */
    static boolean dockerAnswers(Duration timeout) {
        return answerWithin(timeout, () -> DockerClientFactory.instance().isDockerAvailable());
    }

    static boolean answerWithin(Duration timeout, BooleanSupplier question) {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Thread probe = new Thread(() -> {
            try {
                answer.complete(question.getAsBoolean());
            } catch (RuntimeException | LinkageError e) {
                answer.complete(false);
            }
        }, "quickeats-docker-probe");
        probe.setDaemon(true); // a hung probe must not keep the JVM alive
        probe.start();
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
