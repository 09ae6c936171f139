package com.quickeats.bootstrap;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The service's Prometheus registry with what every instance reports before any request: memory, threads,
 * GC pauses and promotions, class loading, CPU, uptime, the JVM and {@link BuildInfo}. The request, pool
 * and Jetty meters join it as those parts start. Closing it also detaches the GC listener from the JVM.
 */
final class ServiceMetrics extends PrometheusMeterRegistry {
    private final JvmGcMetrics gc = new JvmGcMetrics();

    ServiceMetrics() {
        super(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(this);
        new JvmThreadMetrics().bindTo(this);
        gc.bindTo(this);
        new ClassLoaderMetrics().bindTo(this);
        new JvmInfoMetrics().bindTo(this);
        new ProcessorMetrics().bindTo(this);
        new UptimeMetrics().bindTo(this);
        BuildInfo.load().register(this);
    }

    @Override
    public void close() {
        gc.close();
        super.close();
    }
}
