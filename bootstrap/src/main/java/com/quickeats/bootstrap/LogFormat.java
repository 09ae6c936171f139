package com.quickeats.bootstrap;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code QUICKEATS_LOG_FORMAT}: the console's lines as logback.xml's text pattern, or as one JSON object
 * per line (logback's own {@link JsonEncoder}) for a log collector — level, logger, thread, the formatted
 * message and the MDC with {@code request_id}, {@code trace_id} and {@code span_id}.
 */
final class LogFormat {
    static final String JSON = "json";
    private static final String CONSOLE = "STDOUT";
    /** logback.xml's text encoder, kept so a later start in the same JVM can return to text. */
    private static Encoder<ILoggingEvent> text;

    private LogFormat() {
    }

    static synchronized void apply(String format) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)
                || !(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(CONSOLE)
                        instanceof OutputStreamAppender<ILoggingEvent> console)) {
            return; // another SLF4J backend: its own configuration decides
        }
        Encoder<ILoggingEvent> current = console.getEncoder();
        if (!(current instanceof JsonEncoder)) {
            text = current;
        }
        boolean json = JSON.equals(format);
        if (json == current instanceof JsonEncoder) {
            return;
        }
        Encoder<ILoggingEvent> wanted = json ? json(context) : text;
        console.stop();
        console.setEncoder(wanted);
        console.start();
    }

    private static JsonEncoder json(LoggerContext context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithFormattedMessage(true);
        encoder.start();
        return encoder;
    }
}
