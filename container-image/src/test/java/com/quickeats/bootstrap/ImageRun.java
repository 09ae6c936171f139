package com.quickeats.bootstrap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The image's entrypoint running as a container runtime would run it, with util-linux and coreutils only: in
 * new network, mount and PID namespaces (the service is PID 1 and sees only its own loopback, so its
 * {@code 0.0.0.0:8000} is reachable from nowhere else), chrooted into the unpacked image, as the image's
 * user, with the image's environment and working directory, and the {@code /proc}, {@code /dev} and
 * {@code /dev/shm} (PostgreSQL's shared memory) a runtime provides.
 */
final class ImageRun implements AutoCloseable {
    private static final String SANDBOX = """
            set -e
            PATH=$PATH:/usr/sbin:/sbin
            root=$1; user=$2; workdir=$3; shift 3
            ip link set lo up
            mount -t tmpfs -o mode=755 tmpfs "$root/dev"
            for device in null zero full random urandom; do
                touch "$root/dev/$device"; mount --bind "/dev/$device" "$root/dev/$device"
            done
            mkdir "$root/dev/shm"; mount -t tmpfs -o mode=1777 tmpfs "$root/dev/shm"
            exec chroot --userspec="$user" "$root" /usr/bin/env -i -C "$workdir" "$@"
            """;

    private final Process unshare;
    private final List<String> output = new ArrayList<>();

    private ImageRun(Process unshare, Path log) throws IOException {
        this.unshare = unshare;
        Files.createDirectories(log.getParent());
        PrintWriter logWriter = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(unshare.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    logWriter.println(line);
                    synchronized (output) {
                        output.add(line);
                        output.notifyAll();
                    }
                }
            } catch (IOException e) {
                // the run ended
            }
        }, "image-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the image unpacked at {@code root} as its configuration says; output (with stderr) goes to {@code log}. */
    static ImageRun start(Path root, ImageTarball image, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of("unshare", "--net", "--mount", "--pid", "--fork",
                "--mount-proc=" + root.resolve("proc"), "sh", "-c", SANDBOX, "sandbox", root.toString(),
                image.config().path("User").asText("0:0"), image.config().path("WorkingDir").asText("/")));
        command.addAll(image.strings("Env"));
        command.addAll(image.strings("Entrypoint"));
        command.addAll(image.strings("Cmd"));
        return new ImageRun(new ProcessBuilder(command).redirectErrorStream(true).start(), log);
    }

    /** Waits until the service prints a line containing {@code text}; fails with its output if it exits first. */
    void awaitLine(String text, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        synchronized (output) {
            for (int seen = 0; ; seen++) {
                while (seen == output.size()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || !unshare.isAlive()) {
                        throw new AssertionError("no line with '" + text + "' " + (unshare.isAlive()
                                ? "within " + within : "before the service exited") + "; output:\n" + output());
                    }
                    try {
                        output.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 500)));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new AssertionError(e);
                    }
                }
                if (output.get(seen).contains(text)) {
                    return;
                }
            }
        }
    }

    String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    /** The image's entrypoint process, as the host sees it: the namespace's PID 1. */
    ProcessHandle service() {
        return unshare.toHandle().children().findFirst()
                .orElseThrow(() -> new AssertionError("the entrypoint is not running; output:\n" + output()));
    }

    /** GETs each path on {@code port} from inside the service's network namespace: path → HTTP status. */
    Map<String, Integer> probe(int port, List<String> paths) throws IOException {
        List<String> command = new ArrayList<>(List.of("nsenter", "--target", Long.toString(service().pid()), "--net",
                "--", hostJava(), "-cp", classesOf(HttpProbe.class), HttpProbe.class.getName()));
        paths.forEach(path -> command.add("http://127.0.0.1:" + port + path));
        Map<String, Integer> statuses = new LinkedHashMap<>();
        for (String line : Commands.run(command.toArray(String[]::new)).strip().split("\n")) {
            String[] statusAndUrl = line.split(" ", 2);
            statuses.put(statusAndUrl[1].substring(statusAndUrl[1].indexOf('/', "http://".length())),
                    Integer.parseInt(statusAndUrl[0]));
        }
        return statuses;
    }

    /** SIGTERM to the entrypoint, as {@code docker stop} or the kubelet sends it; the exit status it ends with. */
    int stop(Duration within) throws InterruptedException {
        service().destroy();
        if (!unshare.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the service did not stop within " + within + "; output:\n" + output());
        }
        return unshare.exitValue();
    }

    /** Kills what is left of a run that did not stop by itself (a failed test), so none outlives the build. */
    @Override
    public void close() {
        if (unshare.isAlive()) {
            unshare.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            unshare.destroyForcibly();
            unshare.onExit().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    private static String hostJava() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static String classesOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
