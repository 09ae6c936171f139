package com.quickeats.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * The console's text lines, as the production logback.xml writes them, are the lines its earlier pattern
 * ({@code %d{…,UTC}} and a {@code %replace} of the request ids) wrote: same timestamp to the millisecond,
 * same ids, and no ids on a line outside a request.
 */
class LogLineTest {
    private static final String EARLIER_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z',UTC} %-5level [%thread] %logger{36}"
            + " -%replace( request_id=%X{request_id} trace_id=%X{trace_id}){' request_id= trace_id=$', ''} %msg%n";

    @Test
    void theConsoleLineIsTheOneTheEarlierPatternWrote() throws Exception {
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(LogLineTest.class.getClassLoader().getResource("logback.xml"));
        @SuppressWarnings("unchecked")
        Encoder<LoggingEvent> console = (Encoder<LoggingEvent>) ((OutputStreamAppender<?>) context
                .getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDOUT")).getEncoder();
        PatternLayout earlier = new PatternLayout();
        earlier.setContext(context);
        earlier.setPattern(EARLIER_PATTERN);
        earlier.start();

        List<Map<String, String>> mdcs = List.of(Map.of(), Map.of("request_id", "3f9c2a1b7d4e8f60",
                "trace_id", "4bf92f3577b34da6a3ce929d0e0e4736", "span_id", "00f067aa0ba902b7"),
                Map.of("request_id", "only-the-request"), Map.of("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736"));
        long[] timestamps = {0L, 999L, 1_000L, 1_764_568_234_005L, 1_764_568_234_090L, 1_764_568_234_690L,
            1_764_568_235_000L, 4_102_444_799_999L, -1L};
        int compared = 0;
        for (Map<String, String> mdc : mdcs) {
            for (long timestamp : timestamps) {
                LoggingEvent event = event(context, timestamp, mdc);
                assertThat(new String(console.encode(event), StandardCharsets.UTF_8))
                        .as("at %d with %s", timestamp, mdc).isEqualTo(earlier.doLayout(event));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(mdcs.size() * timestamps.length);
        assertThat(new String(console.encode(event(context, 1_764_568_234_690L, mdcs.get(1))), StandardCharsets.UTF_8))
                .isEqualTo("2025-12-01T05:50:34.690Z INFO  [worker-1] quickeats.access - request_id=3f9c2a1b7d4e8f60"
                        + " trace_id=4bf92f3577b34da6a3ce929d0e0e4736 method=GET status=200\n");
        context.stop();
    }

    private static LoggingEvent event(LoggerContext context, long timestamp, Map<String, String> mdc) {
        LoggingEvent event = new LoggingEvent();
        event.setLoggerContext(context);
        event.setLoggerName("quickeats.access");
        event.setLevel(Level.INFO);
        event.setThreadName("worker-1");
        event.setMessage("method=GET status=200");
        event.setTimeStamp(timestamp);
        event.setMDCPropertyMap(new HashMap<>(mdc));
        return event;
    }
}
