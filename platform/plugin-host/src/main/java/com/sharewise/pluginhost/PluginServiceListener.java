package com.sharewise.pluginhost;

/**
 * Told when services of a tracked SPI type come and go.
 *
 * <p>Called synchronously on the thread that registers or unregisters the service (a lifecycle
 * thread of the host or of the framework), so return quickly and never block on the host's
 * lifecycle methods from here. Exceptions are logged and ignored.
 *
 * @param <S> the SPI type
 */
public interface PluginServiceListener<S> {

  /**
   * A service appeared (also called for every service already tracked when the listener is added).
   */
  default void added(PluginService<S> service) {}

  /** A service is going away (its plugin stops, is updated or removed); stop using it. */
  default void removed(PluginService<S> service) {}
}
