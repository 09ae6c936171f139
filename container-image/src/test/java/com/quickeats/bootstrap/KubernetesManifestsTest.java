package com.quickeats.bootstrap;

import static com.quickeats.bootstrap.KubernetesManifests.at;
import static com.quickeats.bootstrap.KubernetesManifests.list;
import static com.quickeats.bootstrap.KubernetesManifests.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.quickeats.adapter.http.HttpSettings;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The facts of {@code deploy/kubernetes} that must stay true as the service changes, checked against the
 * service's own values (this test sits in bootstrap's package to read them) and the image's build settings.
 * No cluster is needed: the manifests are parsed, not applied.
 */
class KubernetesManifestsTest {
    /** Room the JVM needs beside the heap: metaspace, code cache, thread stacks, direct buffers, GC. */
    private static final long NON_HEAP_MIB = 256;

    private final KubernetesManifests manifests = KubernetesManifests.load();
    private final Map<String, Object> deployment = manifests.kind("Deployment");
    private final Map<String, Object> container = manifests.container();

    @Test
    void twoInstancesRunTheImageThisBuildMakes() {
        assertThat(at(deployment, "spec.replicas")).isEqualTo(2);
        assertThat(container.get("image")).isEqualTo(System.getProperty("quickeats.image"));
    }

    @Test
    void theContainerPortIsTheOneTheServiceListensOn() {
        assertThat(manifests.containerPort("http")).isEqualTo(Integer.parseInt(Setting.PORT.defaultValue().orElseThrow()));
        assertThat(env(Setting.PORT.variable())).isEmpty();
        assertThat(env(Setting.BIND.variable())).as("the image binds 0.0.0.0; an override would hide the pod").isEmpty();
    }

    @Test
    void livenessAndStartupAskIfTheProcessServesAndReadinessIfTheDatabaseAnswers() {
        for (String probe : List.of("livenessProbe", "startupProbe")) {
            assertThat(at(container, probe + ".httpGet.path")).as(probe).isEqualTo("/health/live");
        }
        assertThat(at(container, "readinessProbe.httpGet.path")).isEqualTo("/health/ready");
        for (String probe : List.of("livenessProbe", "startupProbe", "readinessProbe")) {
            assertThat(manifests.containerPort(at(container, probe + ".httpGet.port"))).as(probe)
                    .isEqualTo(manifests.containerPort("http"));
        }
    }

    @Test
    void theGracePeriodOutlastsThePreStopPauseAndTheDrain() {
        List<Object> preStop = list(at(container, "lifecycle.preStop.exec.command"));
        long pauseSeconds = Long.parseLong((String) preStop.get(preStop.size() - 1));
        long drainSeconds = OperationsRoutes.GRACEFUL_STOP.toSeconds();

        assertThat(((Integer) at(deployment, "spec.template.spec.terminationGracePeriodSeconds")).longValue())
                .isGreaterThan(pauseSeconds + drainSeconds);
    }

    @Test
    void theJwtSecretComesFromTheSecretAndItsPlaceholderCannotStartTheService() {
        Map<String, Object> secret = manifests.kind("Secret");
        Map<String, Object> reference = map(at(envEntry(Setting.JWT_SECRET.variable()).orElseThrow(),
                "valueFrom.secretKeyRef"), "secretKeyRef");

        assertThat(reference.get("name")).isEqualTo(at(secret, "metadata.name"));
        String placeholder = (String) map(at(secret, "stringData"), "stringData").get((String) reference.get("key"));
        assertThat(placeholder).as("the Secret has the key the Deployment reads").isNotNull();
        assertThat(placeholder.getBytes(StandardCharsets.UTF_8).length).isLessThan(HttpSettings.MIN_SECRET_BYTES);
        assertThat(at(envEntry(Setting.DATABASE_PASSWORD.variable()).orElseThrow(), "valueFrom.secretKeyRef.name"))
                .isEqualTo(at(secret, "metadata.name"));
    }

    @Test
    void theServiceAndTheDisruptionBudgetSelectExactlyTheDeploymentsPods() {
        Map<String, Object> podLabels = map(at(deployment, "spec.template.metadata.labels"), "pod labels");
        Map<String, Object> selector = map(at(deployment, "spec.selector.matchLabels"), "selector");
        Map<String, Object> service = manifests.kind("Service");
        Map<String, Object> budget = manifests.kind("PodDisruptionBudget");

        assertThat(podLabels).containsAllEntriesOf(selector);
        assertThat(at(service, "spec.selector")).isEqualTo(selector);
        assertThat(at(budget, "spec.selector.matchLabels")).isEqualTo(selector);
        for (Object port : list(at(service, "spec.ports"))) {
            assertThat(manifests.containerPort(map(port, "service port").get("targetPort")))
                    .isEqualTo(manifests.containerPort("http"));
        }
        assertThat(at(budget, "spec.maxUnavailable")).isEqualTo(1);
    }

    @Test
    void theMemoryLimitHoldsTheHeapTheImageDerivesFromItAndRoomBesideIt() {
        long requestMib = mebibytes((String) at(container, "resources.requests.memory"));
        long limitMib = mebibytes((String) at(container, "resources.limits.memory"));
        long heapMib = limitMib * Long.parseLong(System.getProperty("quickeats.image.maxRamPercentage")) / 100;

        assertThat(requestMib).as("request = limit, so the node never reclaims memory the heap counts on")
                .isEqualTo(limitMib);
        assertThat(limitMib - heapMib).isGreaterThanOrEqualTo(NON_HEAP_MIB);
    }

    @Test
    void thePodRunsAsTheImagesUserOnAReadOnlyRootWithAWritableTmp() {
        assertThat(at(deployment, "spec.template.spec.securityContext.runAsNonRoot")).isEqualTo(true);
        assertThat(at(deployment, "spec.template.spec.securityContext.runAsUser") + ":"
                + at(deployment, "spec.template.spec.securityContext.runAsGroup"))
                .isEqualTo(System.getProperty("quickeats.image.user"));
        assertThat(at(container, "securityContext.readOnlyRootFilesystem")).isEqualTo(true);
        String tmpVolume = list(container.get("volumeMounts")).stream().map(m -> map(m, "volume mount"))
                .filter(m -> "/tmp".equals(m.get("mountPath"))).map(m -> (String) m.get("name")).findFirst()
                .orElseThrow(() -> new AssertionError("nothing is mounted on /tmp"));
        assertThat(list(at(deployment, "spec.template.spec.volumes")).stream().map(v -> map(v, "volume"))
                .filter(v -> tmpVolume.equals(v.get("name")))).singleElement()
                .satisfies(v -> assertThat(v).containsKey("emptyDir"));
    }

    private Optional<Map<String, Object>> envEntry(String variable) {
        return list(container.get("env")).stream().map(e -> map(e, "env entry"))
                .filter(e -> variable.equals(e.get("name"))).findFirst();
    }

    private Optional<Object> env(String variable) {
        return envEntry(variable).map(e -> e.get("value"));
    }

    private static long mebibytes(String quantity) {
        if (quantity.endsWith("Gi")) {
            return Long.parseLong(quantity.substring(0, quantity.length() - 2)) * 1024;
        }
        if (quantity.endsWith("Mi")) {
            return Long.parseLong(quantity.substring(0, quantity.length() - 2));
        }
        throw new AssertionError("write memory quantities in Mi or Gi, not " + quantity);
    }
}
