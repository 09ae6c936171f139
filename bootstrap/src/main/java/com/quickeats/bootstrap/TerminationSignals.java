package com.quickeats.bootstrap;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT stop the service in order and end the process with status 0 — a stop that was asked
 * for is not a failure (the JVM's default would be 143). A second signal during the stop exits at once.
 * A shutdown hook covers every other way the JVM may end.
 */
final class TerminationSignals {
    private static final Logger LOG = LoggerFactory.getLogger(TerminationSignals.class);
    private static final int EXIT_INTERRUPTED_STOP = 130;

    private TerminationSignals() {
    }

    static void onTermination(Runnable stop) {
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "quickeats-shutdown"));
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    if (!stopping.compareAndSet(false, true)) {
                        LOG.warn("SIG{} again while stopping: exiting now", name);
                        Runtime.getRuntime().halt(EXIT_INTERRUPTED_STOP);
                    }
                    LOG.info("SIG{} received", name);
                    Thread stopper = new Thread(() -> {
                        stop.run();
                        System.exit(0);
                    }, "quickeats-stop");
                    stopper.start();
                });
            } catch (IllegalArgumentException e) {
                LOG.debug("Cannot handle SIG{} here; the shutdown hook will stop the service", name);
            }
        }
    }
}
