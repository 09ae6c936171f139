package com.quickeats.testing.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class DockerProbeTest {

    @Test
    void theDockerProbeAnswersWithinItsBound() {
        long started = System.nanoTime();

        DockerProbe.dockerAnswers(Duration.ofSeconds(5));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aProbeThatHangsCountsAsNoDocker() {
        CountDownLatch never = new CountDownLatch(1);
        long started = System.nanoTime();

        boolean answered = DockerProbe.answerWithin(Duration.ofMillis(200), () -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return true;
        });

        assertThat(answered).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aProbeThatFailsCountsAsNoDocker() {
        assertThat(DockerProbe.answerWithin(Duration.ofSeconds(1), () -> {
            throw new IllegalStateException("no docker-java on the class path");
        })).isFalse();
    }
}
