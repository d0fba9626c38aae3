package com.sharewise.pluginhost.internal;

import com.sharewise.api.broker.BrokerAdapterFactory;
import com.sharewise.api.indicator.IndicatorProvider;
import com.sharewise.api.strategy.StrategyFactory;
import com.sharewise.pluginhost.ProvidedService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists the SPI services a bundle registers with their descriptor ids. Descriptors are constant by
 * contract, so each is asked once per registration and cached until the service goes away; a
 * descriptor that throws is logged and reported without id. Thread-safe.
 */
final class ServiceDescriptions implements ServiceListener {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceDescriptions.class);

  private final BundleContext context;
  private final Map<String, ProvidedService> cache = new ConcurrentHashMap<>();

  ServiceDescriptions(BundleContext context) {
    this.context = context;
    context.addServiceListener(this);
  }

  /** The SPI services {@code bundle} registers now, ordered by type then id. */
  List<ProvidedService> of(Bundle bundle) {
    ServiceReference<?>[] refs;
    try {
      refs = bundle.getRegisteredServices();
    } catch (IllegalStateException uninstalled) {
      return List.of();
    }
    List<ProvidedService> services = new ArrayList<>();
    if (refs == null) {
      return services;
    }
    for (ServiceReference<?> ref : refs) {
      List<String> classes = Arrays.asList((String[]) ref.getProperty(Constants.OBJECTCLASS));
      for (Class<?> type : PluginKinds.SPI_TYPES) {
        if (classes.contains(type.getName())) {
          String key = ref.getProperty(Constants.SERVICE_ID) + "/" + type.getName();
          services.add(cache.computeIfAbsent(key, k -> describe(ref, type)));
        }
      }
    }
    services.sort(
        Comparator.comparing(ProvidedService::type)
            .thenComparing(s -> s.id() == null ? "" : s.id()));
    return services;
  }

  @Override
  public void serviceChanged(ServiceEvent event) {
    if (event.getType() == ServiceEvent.UNREGISTERING) {
      String prefix = event.getServiceReference().getProperty(Constants.SERVICE_ID) + "/";
      cache.keySet().removeIf(key -> key.startsWith(prefix));
    }
  }

  private ProvidedService describe(ServiceReference<?> ref, Class<?> type) {
    String typeName = type.getSimpleName();
    Object service = null;
    try {
      service = context.getService(ref);
      if (!type.isInstance(service)) {
        LOG.warn(
            "Plugin {} registers a {} the host cannot use (it bundles its own copy of the SPI?)",
            ref.getBundle().getSymbolicName(),
            typeName);
        return new ProvidedService(typeName, null);
      }
      return new ProvidedService(typeName, descriptorId(service));
    } catch (RuntimeException | LinkageError e) {
      LOG.warn(
          "descriptor() of a {} from plugin {} failed: {}",
          typeName,
          ref.getBundle() == null ? "?" : ref.getBundle().getSymbolicName(),
          e.toString());
      return new ProvidedService(typeName, null);
    } finally {
      if (service != null) {
        ungetQuietly(ref);
      }
    }
  }

  private static String descriptorId(Object service) {
    if (service instanceof BrokerAdapterFactory broker) {
      return broker.descriptor().id();
    }
    if (service instanceof StrategyFactory strategy) {
      return strategy.descriptor().id();
    }
    if (service instanceof IndicatorProvider indicator) {
      return indicator.descriptor().id();
    }
    return null;
  }

  private void ungetQuietly(ServiceReference<?> ref) {
    try {
      context.ungetService(ref);
    } catch (IllegalStateException ignored) {
      // the framework is stopping
    }
  }
}
