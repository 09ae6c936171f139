package com.quickeats.testing.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class ServerChoiceTest {

    private static final BooleanSupplier DOCKER_ANSWERS = () -> true;
    private static final BooleanSupplier NO_DOCKER = () -> false;
    private static final BooleanSupplier MUST_NOT_ASK = () -> {
        throw new AssertionError("Docker must not be probed");
    };

    @Test
    void forcingEmbeddedWinsOverEverything() {
        Map<String, String> env = Map.of(
                "QUICKEATS_TEST_POSTGRES", "embedded",
                "QUICKEATS_TEST_DATABASE_URL", "jdbc:postgresql://db:5432/postgres",
                "QUICKEATS_TEST_DATABASE_USER", "ci");

        assertThat(ServerChoice.decide(env, MUST_NOT_ASK)).isInstanceOf(ServerChoice.Embedded.class);
    }

    @Test
    void aConfiguredServerIsUsedWithoutProbingDocker() {
        Map<String, String> env = Map.of(
                "QUICKEATS_TEST_DATABASE_URL", "jdbc:postgresql://db:5432/postgres",
                "QUICKEATS_TEST_DATABASE_USER", "ci",
                "QUICKEATS_TEST_DATABASE_PASSWORD", "secret");

        assertThat(ServerChoice.decide(env, MUST_NOT_ASK))
                .isEqualTo(new ServerChoice.External("jdbc:postgresql://db:5432/postgres", "ci", "secret"));
    }

    @Test
    void aConfiguredServerNeedsAUser() {
        Map<String, String> env = Map.of("QUICKEATS_TEST_DATABASE_URL", "jdbc:postgresql://db:5432/postgres");

        assertThatThrownBy(() -> ServerChoice.decide(env, MUST_NOT_ASK)).hasMessageContaining("QUICKEATS_TEST_DATABASE_USER");
    }

    @Test
    void aDockerDaemonMeansTestcontainers() {
        assertThat(ServerChoice.decide(Map.of(), DOCKER_ANSWERS)).isInstanceOf(ServerChoice.Container.class);
    }

    @Test
    void withoutDockerTheServerIsEmbedded() {
        assertThat(ServerChoice.decide(Map.of(), NO_DOCKER)).isInstanceOf(ServerChoice.Embedded.class);
    }

    @Test
    void anUnknownForcedServerIsRefused() {
        Map<String, String> env = Map.of("QUICKEATS_TEST_POSTGRES", "embeded");

        assertThatThrownBy(() -> ServerChoice.decide(env, NO_DOCKER)).hasMessageContaining("embeded");
    }
}
