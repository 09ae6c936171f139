package com.quickeats.bootstrap;

import ch.qos.logback.classic.Level;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar quickeats.jar [--flag value ...]}: reads the configuration, starts the service, prints
 * where to find it (and, in demo mode, a token per demo user), and stops it cleanly on SIGTERM or Ctrl-C
 * with exit status 0. A configuration or start-up problem ends the run with one line on stderr and status 2.
 */
public final class Main {
    /** Exit status of a run that could not start because of its configuration or environment. */
    public static final int EXIT_STARTUP_FAILED = 2;

    private Main() {
    }

    public static void main(String[] args) {
        Launch launch = launch(Arrays.asList(args), System.getenv(), System.out, System.err);
        if (launch.service().isEmpty()) {
            System.exit(launch.exitCode());
        }
        QuickEatsService service = launch.service().get();
        TerminationSignals.onTermination(service::stop);
        // Jetty's non-daemon threads keep the process alive until a signal stops the service.
    }

    /**
     * What {@code main} does short of installing signal handlers and exiting, so tests can run it in-process.
     *
     * @return the running service, or the exit status of a run that ended (0 for {@code --help} and {@code --version})
     */
    public static Launch launch(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (Configuration.helpRequested(args)) {
            out.print(Help.text());
            return new Launch(0, Optional.empty());
        }
        if (args.contains(BuildInfo.VERSION_FLAG)) {
            out.println(BuildInfo.load().versionLine());
            return new Launch(0, Optional.empty());
        }
        long startedNanos = System.nanoTime();
        try {
            Configuration configuration = Configuration.parse(args, env);
            applyLogLevel(configuration.logLevel());
            LogFormat.apply(configuration.logFormat());
            QuickEatsService service = QuickEatsService.start(configuration);
            out.print(Banner.text(service, (System.nanoTime() - startedNanos) / 1_000_000));
            out.flush();
            return new Launch(0, Optional.of(service));
        } catch (StartupException e) {
            logger().debug("Start-up failed", e);
            err.println("quickeats: " + Failures.oneLine(e.getMessage()));
            return new Launch(EXIT_STARTUP_FAILED, Optional.empty());
        } catch (RuntimeException | LinkageError e) {
            logger().debug("Start-up failed", e);
            err.println("quickeats: start-up failed unexpectedly: " + e.getClass().getSimpleName() + ": "
                    + Failures.describe(e) + "; run with " + Setting.LOG_LEVEL.flag() + " debug for the stack trace");
            return new Launch(EXIT_STARTUP_FAILED, Optional.empty());
        }
    }

    /** How a launch ended: a running service, or an exit status. */
    public record Launch(int exitCode, Optional<QuickEatsService> service) {
    }

    private static void applyLogLevel(String level) {
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(Level.toLevel(level, Level.INFO));
        }
    }

    private static Logger logger() {
        return LoggerFactory.getLogger(Main.class);
    }
}
