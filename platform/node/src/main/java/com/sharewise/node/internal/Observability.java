package com.sharewise.node.internal;

import com.sharewise.pluginhost.PluginEvent;
import com.sharewise.pluginhost.PluginHost;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The node's meter registry (Prometheus): JVM memory, GC, threads, class loading, CPU and uptime,
 * and {@code sharewise_plugin_errors_total} by plugin, counted from the plugin host's FAILED
 * events. Areas add their own meters (ticks, orders, rule evaluations) to the registry published in
 * the node context.
 */
public final class Observability {

  /** Counter of plugin failures, tagged {@code plugin}. */
  public static final String PLUGIN_ERRORS = "sharewise.plugin.errors";

  private Observability() {}

  /** A registry with the JVM meters bound and plugin failures counted. */
  @SuppressWarnings("resource") // the GC binder lives as long as the JVM's node
  public static PrometheusMeterRegistry registry(PluginHost plugins) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    plugins.addListener(
        event -> {
          if (event.type() == PluginEvent.Type.FAILED) {
            Counter.builder(PLUGIN_ERRORS)
                .description("plugins that failed to install, start or update")
                .tag("plugin", event.plugin().id())
                .register(registry)
                .increment();
          }
        });
    return registry;
  }
}
