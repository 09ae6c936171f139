package com.quickeats.bootstrap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged service ({@code target/quickeats.jar}) running as a process of its own, as an operator runs
 * it: its output is kept (and copied to {@code target/it-logs/}), and it is stopped with real signals.
 */
final class ServiceProcess implements AutoCloseable {
    private static final Pattern API_BASE = Pattern.compile("\\s*API base\\s+(http://\\S+)/api/v2");
    private static final Pattern TOKEN = Pattern.compile("\\s*(\\S+)\\s+\\((\\w+)\\)\\s+Authorization: Bearer (\\S+)");
    private static final String READY = "QuickEats is ready";

    private final Process process;
    private final List<String> stdout = new ArrayList<>();
    private final List<String> stderr = new ArrayList<>();
    private final Thread[] readers;

    private ServiceProcess(Process process, Path log) throws IOException {
        this.process = process;
        Files.createDirectories(log.getParent());
        PrintWriter logWriter = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true);
        readers = new Thread[] {
            reader(process.getInputStream(), stdout, logWriter, ""),
            reader(process.getErrorStream(), stderr, logWriter, "[stderr] ")
        };
    }

    /** The packaged jar Maven built (failsafe passes its path). */
    static Path jar() {
        Path jar = Path.of(System.getProperty("quickeats.jar", "target/quickeats.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run the ITs through mvn verify");
        }
        return jar;
    }

    /**
     * Starts {@code java -jar quickeats.jar args} with {@code env} on top of this environment, less any
     * QuickEats setting the test did not ask for.
     */
    static ServiceProcess start(String name, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar",
                jar().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(key -> key.startsWith("QUICKEATS_") || key.equals("PORT"));
        builder.environment().putAll(env);
        Path log = Path.of("target", "it-logs", name + "-" + System.currentTimeMillis() + ".log");
        return new ServiceProcess(builder.start(), log);
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static Thread reader(InputStream stream, List<String> lines, PrintWriter log, String prefix) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                    synchronized (log) {
                        log.println(prefix + line);
                    }
                }
            } catch (IOException e) {
                // the process went away
            }
        }, "service-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Waits for the ready banner; fails with the output so far if the process dies or takes too long. */
    Ready awaitReady(Duration within) {
        awaitStdout(line -> line.contains(READY), within);
        // The banner is printed in one go; wait for its last line.
        awaitStdout(line -> line.startsWith("Stop with Ctrl-C"), Duration.ofSeconds(5));
        List<String> lines = stdout();
        String baseUrl = lines.stream().map(API_BASE::matcher).filter(Matcher::matches).map(m -> m.group(1))
                .findFirst().orElseThrow(() -> new AssertionError("no API base URL in the banner:\n" + output()));
        Map<String, String> tokens = new LinkedHashMap<>();
        lines.stream().map(TOKEN::matcher).filter(Matcher::matches).forEach(m -> tokens.put(m.group(1), m.group(3)));
        return new Ready(baseUrl, tokens);
    }

    /** Where the service listens and, in demo mode, the printed token of each demo user. */
    record Ready(String baseUrl, Map<String, String> tokens) {
        String token(String user) {
            return Optional.ofNullable(tokens.get(user)).orElseThrow(() -> new AssertionError("no token for " + user));
        }
    }

    String awaitStdout(Predicate<String> wanted, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        synchronized (stdout) {
            int seen = 0;
            while (true) {
                for (; seen < stdout.size(); seen++) {
                    if (wanted.test(stdout.get(seen))) {
                        return stdout.get(seen);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && !readers[0].isAlive())) {
                    throw new AssertionError("the expected line did not appear" + (process.isAlive() ? "" : " (the process exited)")
                            + "; output:\n" + output());
                }
                try {
                    stdout.wait(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 200));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    /**
     * SIGTERM, as an orchestrator stops a service. Through the process handle: {@code Process.destroy()}
     * would also close the pipes, losing what the service prints while it stops.
     */
    void terminate() {
        process.toHandle().destroy();
    }

    /** SIGKILL: a crash, leaving whatever the service had started behind. */
    void kill() {
        process.toHandle().destroyForcibly();
    }

    /** The exit status, once the process has ended and its output is read. */
    int awaitExit(Duration within) {
        try {
            if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the service did not exit within " + within + "; output:\n" + output());
            }
            for (Thread reader : readers) {
                reader.join(5_000);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    List<String> stdout() {
        synchronized (stdout) {
            return List.copyOf(stdout);
        }
    }

    List<String> stderr() {
        synchronized (stderr) {
            return List.copyOf(stderr);
        }
    }

    String output() {
        return String.join("\n", stdout()) + "\n[stderr]\n" + String.join("\n", stderr());
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.toHandle().destroy();
            try {
                if (!process.waitFor(40, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    static void deleteQuietly(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort
        }
    }
}
