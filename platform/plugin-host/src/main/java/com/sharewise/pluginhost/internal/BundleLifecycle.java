package com.sharewise.pluginhost.internal;

import com.sharewise.pluginhost.PluginException;
import com.sharewise.pluginhost.PluginException.Reason;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The framework calls behind plugin operations: install+start, replace (stop, update, refresh,
 * start), uninstall+refresh. Every failure leaves no half-installed bundle behind. Called on the
 * lifecycle thread only.
 */
final class BundleLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(BundleLifecycle.class);

  private final BundleContext context;
  private final Duration timeout;

  BundleLifecycle(BundleContext context, Duration timeout) {
    this.context = context;
    this.timeout = timeout;
  }

  /**
   * Installs and starts a bundle.
   *
   * @throws PluginException {@code UNRESOLVED} or {@code START_FAILED} (the bundle is then
   *     uninstalled again), {@code ALREADY_INSTALLED} for a duplicate location or name+version
   */
  Bundle installAndStart(String location, byte[] content, String id) {
    if (context.getBundle(location) != null) {
      throw new PluginException(
          Reason.ALREADY_INSTALLED, id + ": a bundle from " + location + " is already installed");
    }
    Bundle bundle;
    try {
      bundle = context.installBundle(location, new ByteArrayInputStream(content));
    } catch (BundleException e) {
      throw new PluginException(
          e.getType() == BundleException.DUPLICATE_BUNDLE_ERROR
              ? Reason.ALREADY_INSTALLED
              : Reason.FRAMEWORK_ERROR,
          id + ": " + BundleErrors.describe(e),
          e);
    }
    try {
      bundle.start();
      return bundle;
    } catch (BundleException e) {
      uninstallQuietly(bundle);
      throw BundleErrors.toPluginException(id, e);
    } catch (RuntimeException e) {
      uninstallQuietly(bundle);
      throw new PluginException(Reason.START_FAILED, id + ": " + BundleErrors.describe(e), e);
    }
  }

  /**
   * Replaces a bundle's content: stop, update, refresh its wiring, start.
   *
   * @throws PluginException why the new content did not start; the bundle is then stopped
   */
  void replace(Bundle bundle, byte[] content, String id) {
    stopQuietly(bundle);
    try {
      bundle.update(new ByteArrayInputStream(content));
    } catch (BundleException e) {
      throw new PluginException(Reason.FRAMEWORK_ERROR, id + ": " + BundleErrors.describe(e), e);
    }
    refresh(bundle);
    try {
      bundle.start();
    } catch (BundleException e) {
      throw BundleErrors.toPluginException(id, e);
    } catch (RuntimeException e) {
      throw new PluginException(Reason.START_FAILED, id + ": " + BundleErrors.describe(e), e);
    }
  }

  /** Uninstalls a bundle and refreshes the wiring so its classes can be collected. */
  void uninstall(Bundle bundle) {
    try {
      bundle.uninstall();
    } catch (BundleException e) {
      LOG.warn("Uninstalling bundle {} reported: {}", bundle.getSymbolicName(), e.getMessage());
    } catch (IllegalStateException alreadyGone) {
      return;
    }
    refresh(bundle);
  }

  Bundle bundle(long id) {
    return context.getBundle(id);
  }

  private void uninstallQuietly(Bundle bundle) {
    try {
      uninstall(bundle);
    } catch (RuntimeException e) {
      LOG.warn("Could not remove failed bundle {}: {}", bundle.getSymbolicName(), e.toString());
    }
  }

  private static void stopQuietly(Bundle bundle) {
    if ((bundle.getState() & (Bundle.ACTIVE | Bundle.STARTING)) == 0) {
      return;
    }
    try {
      bundle.stop();
    } catch (BundleException e) {
      // The bundle is stopped even when its activator's stop threw.
      LOG.warn("Plugin {} failed to stop cleanly: {}", bundle.getSymbolicName(), e.getMessage());
    }
  }

  private void refresh(Bundle bundle) {
    FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
    CountDownLatch done = new CountDownLatch(1);
    wiring.refreshBundles(
        List.of(bundle),
        event -> {
          if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
            done.countDown();
          }
        });
    try {
      if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("Refreshing {} did not finish within {}", bundle.getSymbolicName(), timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
