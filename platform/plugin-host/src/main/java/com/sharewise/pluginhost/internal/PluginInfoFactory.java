package com.sharewise.pluginhost.internal;

import com.sharewise.pluginhost.PluginInfo;
import com.sharewise.pluginhost.PluginKind;
import com.sharewise.pluginhost.PluginState;
import com.sharewise.pluginhost.ProvidedService;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** Builds {@link PluginInfo} snapshots from registry entries and live bundles. Thread-safe. */
final class PluginInfoFactory {

  private final BundleContext context;
  private final ServiceDescriptions descriptions;

  PluginInfoFactory(BundleContext context) {
    this.context = context;
    this.descriptions = new ServiceDescriptions(context);
  }

  PluginInfo of(PluginEntry entry) {
    Bundle bundle = entry.hasBundle() ? bundle(entry.bundleId()) : null;
    List<ProvidedService> services = bundle == null ? List.of() : descriptions.of(bundle);
    BundleHeaders headers = entry.headers();
    Optional<PluginKind> declared = headers == null ? Optional.empty() : headers.declaredKind();
    PluginKind kind =
        PluginKinds.derive(services.stream().map(ProvidedService::type).toList(), declared);
    // Name and version come from the entry, not the bundle, so that a query during an update
    // shows the version that was last known to work until the new one has started.
    return new PluginInfo(
        entry.id(),
        headers == null ? null : headers.name(),
        headers == null ? null : headers.version(),
        kind,
        state(entry, bundle),
        services,
        entry.file(),
        entry.lastError(),
        entry.updatedAt());
  }

  static PluginState state(PluginEntry entry, Bundle bundle) {
    if (bundle == null) {
      return PluginState.FAILED;
    }
    int state = bundle.getState();
    if (entry.failed() && state != Bundle.ACTIVE) {
      return PluginState.FAILED;
    }
    return switch (state) {
      case Bundle.ACTIVE -> PluginState.ACTIVE;
      case Bundle.STARTING -> PluginState.STARTING;
      case Bundle.STOPPING -> PluginState.STOPPING;
      case Bundle.RESOLVED -> PluginState.RESOLVED;
      case Bundle.INSTALLED -> PluginState.INSTALLED;
      default -> PluginState.FAILED;
    };
  }

  private Bundle bundle(long id) {
    try {
      return context.getBundle(id);
    } catch (IllegalStateException stopped) {
      return null;
    }
  }
}
