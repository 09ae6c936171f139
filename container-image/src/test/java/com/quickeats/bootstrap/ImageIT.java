package com.quickeats.bootstrap;

import static com.quickeats.bootstrap.KubernetesManifests.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The image tarball this build made is proven to start, not just to exist: its layers are unpacked and its
 * entrypoint runs as a container runtime would run it ({@link ImageRun}), on the embedded PostgreSQL (no
 * database configured), until the Deployment's own probes answer 200; then SIGTERM stops it cleanly.
 */
class ImageIT {
    private static final Logger LOG = LoggerFactory.getLogger(ImageIT.class);
    private static final Path TARGET = Path.of("target");
    private static final Path ROOT = TARGET.resolve("image-root");

    private static ImageTarball image;

    @BeforeAll
    static void unpackTheImage() throws IOException {
        Path tarball = Path.of(System.getProperty("quickeats.image.tar"));
        Commands.run("rm", "-rf", ROOT.toString(), TARGET.resolve("image-blobs").toString());
        image = ImageTarball.open(tarball, TARGET.resolve("image-blobs"));
        long uncompressed = image.unpackLayers(ROOT);
        LOG.info("Image {}: tarball {} MB, layers uncompressed {} MB", tarball.getFileName(),
                Files.size(tarball) / 1_000_000, uncompressed / 1_000_000);
    }

    @Test
    void theImageStartsOnItsEmbeddedDatabaseAnswersTheDeploymentsProbesAndStopsCleanly() throws Exception {
        KubernetesManifests manifests = KubernetesManifests.load();
        Map<String, Object> container = manifests.container();
        String live = (String) at(container, "livenessProbe.httpGet.path");
        String ready = (String) at(container, "readinessProbe.httpGet.path");
        int port = manifests.containerPort(at(container, "readinessProbe.httpGet.port"));

        try (ImageRun run = ImageRun.start(ROOT, image, TARGET.resolve("it-logs").resolve("image-run.log"))) {
            run.awaitLine("QuickEats is ready", Duration.ofMinutes(2));
            run.awaitLine("Stop with Ctrl-C or SIGTERM", Duration.ofSeconds(10)); // the ready banner's last line

            assertThat(run.output()).contains("embedded PostgreSQL 17", "data in /var/lib/quickeats/postgres");
            assertThat(run.probe(port, List.of(live, ready))).containsExactly(Map.entry(live, 200), Map.entry(ready, 200));
            assertThat(uidOf(run.service())).isEqualTo(System.getProperty("quickeats.image.user").split(":")[0]);

            assertThat(run.stop(Duration.ofSeconds(60))).as("exit status after SIGTERM; output:\n%s", run.output())
                    .isZero();
        }
        assertThat(ROOT.resolve("var/lib/quickeats/postgres/postmaster.pid"))
                .as("the embedded PostgreSQL was shut down, not left to crash recovery").doesNotExist();
    }

    @Test
    void theImageRunsAsAnUnprivilegedUserThatOwnsTheDataDirectory() throws IOException {
        String user = System.getProperty("quickeats.image.user");
        String uid = user.split(":")[0];

        assertThat(image.config().path("User").asText()).isEqualTo(user);
        assertThat(uid).isNotEqualTo("0");
        assertThat(Files.readAllLines(ROOT.resolve("etc/passwd"))).anyMatch(line -> line.split(":")[2].equals(uid));
        assertThat(Files.getAttribute(ROOT.resolve("var/lib/quickeats"), "unix:uid").toString()).isEqualTo(uid);
        assertThat(image.config().path("WorkingDir").asText()).isEqualTo("/var/lib/quickeats");
    }

    @Test
    void theServiceListensOnEveryInterfaceWithAHeapSizedByTheContainer() {
        assertThat(image.strings("Env")).contains(Setting.BIND.variable() + "=0.0.0.0");
        assertThat(image.strings("Entrypoint")).contains("-XX:+ExitOnOutOfMemoryError")
                .anyMatch(flag -> flag.startsWith("-XX:MaxRAMPercentage="))
                .noneMatch(flag -> flag.startsWith("-Xmx"));
        assertThat(image.config().path("ExposedPorts").has(KubernetesManifests.load().containerPort("http") + "/tcp"))
                .isTrue();
    }

    @Test
    void theJavaRuntimeHasEveryModuleTheServiceUses() throws IOException {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = jdeps.run(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, "--ignore-missing-deps",
                "--multi-release", "17", "--print-module-deps", System.getProperty("quickeats.jar"));
        String release = Files.readAllLines(ROOT.resolve("opt/java/release")).stream()
                .filter(line -> line.startsWith("MODULES=")).findFirst().orElseThrow();

        assertThat(status).isZero();
        List<String> used = Arrays.asList(out.toString(StandardCharsets.UTF_8).strip().split(","));
        assertThat(Arrays.asList(release.substring("MODULES=\"".length(), release.length() - 1).split(" ")))
                .containsAll(used);
    }

    private static String uidOf(ProcessHandle process) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                .filter(line -> line.startsWith("Uid:")).map(line -> line.split("\\s+")[1]).findFirst().orElseThrow();
    }
}
