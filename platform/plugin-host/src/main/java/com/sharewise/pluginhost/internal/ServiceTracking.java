package com.sharewise.pluginhost.internal;

import com.sharewise.pluginhost.PluginService;
import com.sharewise.pluginhost.PluginServiceListener;
import com.sharewise.pluginhost.PluginServices;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PluginServices} on a {@link ServiceTracker} opened on the system bundle's context. Only
 * services whose class the host can use are tracked (a plugin that embeds its own copy of the SPI
 * is skipped by the framework's class-space check). Listener calls are serialised with the replay
 * done by {@link #addListener}, so a listener sees every service exactly once as added.
 */
public final class ServiceTracking<S> implements PluginServices<S> {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceTracking.class);

  private final Class<S> type;
  private final BundleContext context;
  private final ServiceTracker<S, PluginService<S>> tracker;
  private final List<PluginServiceListener<S>> listeners = new CopyOnWriteArrayList<>();
  private final Object lock = new Object();
  private final Consumer<ServiceTracking<?>> onClose;

  ServiceTracking(BundleContext context, Class<S> type, Consumer<ServiceTracking<?>> onClose) {
    this.type = Objects.requireNonNull(type, "type");
    this.context = context;
    this.onClose = onClose;
    this.tracker = new ServiceTracker<>(context, type, new Customizer());
  }

  ServiceTracking<S> open() {
    tracker.open();
    return this;
  }

  @Override
  public Class<S> type() {
    return type;
  }

  @Override
  public List<PluginService<S>> snapshot() {
    List<PluginService<S>> services = new ArrayList<>(tracker.getTracked().values());
    services.sort(
        Comparator.comparing((PluginService<S> s) -> s.pluginId())
            .thenComparingLong(PluginService::serviceId));
    return services;
  }

  @Override
  public void addListener(PluginServiceListener<S> listener) {
    synchronized (lock) {
      listeners.add(listener);
      snapshot().forEach(service -> notify(listener, service, true));
    }
  }

  @Override
  public void removeListener(PluginServiceListener<S> listener) {
    listeners.remove(listener);
  }

  @Override
  public void close() {
    try {
      tracker.close();
    } catch (IllegalStateException stopped) {
      LOG.debug("Tracker for {} closed after the framework stopped", type.getSimpleName());
    }
    onClose.accept(this);
  }

  private void notifyListeners(PluginService<S> service, boolean added) {
    synchronized (lock) {
      listeners.forEach(listener -> notify(listener, service, added));
    }
  }

  private void notify(PluginServiceListener<S> listener, PluginService<S> service, boolean added) {
    try {
      if (added) {
        listener.added(service);
      } else {
        listener.removed(service);
      }
    } catch (RuntimeException e) {
      LOG.warn("{} listener failed for plugin {}", type.getSimpleName(), service.pluginId(), e);
    }
  }

  private final class Customizer implements ServiceTrackerCustomizer<S, PluginService<S>> {

    @Override
    public PluginService<S> addingService(ServiceReference<S> reference) {
      S service;
      try {
        service = context.getService(reference);
      } catch (RuntimeException e) {
        LOG.warn("Cannot get a {} service: {}", type.getSimpleName(), e.toString());
        return null;
      }
      if (service == null) {
        return null; // e.g. a DS component that failed to activate
      }
      Bundle bundle = reference.getBundle();
      if (bundle == null) {
        return null; // unregistered meanwhile
      }
      PluginService<S> tracked =
          new PluginService<>(
              bundle.getSymbolicName(),
              bundle.getVersion().toString(),
              (Long) reference.getProperty(Constants.SERVICE_ID),
              service);
      LOG.debug("{} from plugin {} added", type.getSimpleName(), tracked.pluginId());
      notifyListeners(tracked, true);
      return tracked;
    }

    @Override
    public void modifiedService(ServiceReference<S> reference, PluginService<S> service) {
      // properties are not part of the model
    }

    @Override
    public void removedService(ServiceReference<S> reference, PluginService<S> service) {
      LOG.debug("{} from plugin {} removed", type.getSimpleName(), service.pluginId());
      notifyListeners(service, false);
      try {
        context.ungetService(reference);
      } catch (IllegalStateException stopped) {
        LOG.debug("Framework stopped before unget of {}", type.getSimpleName());
      }
    }
  }
}
