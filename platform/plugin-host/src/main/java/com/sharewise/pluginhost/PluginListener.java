package com.sharewise.pluginhost;

/**
 * Told about plugin changes, for example to persist them.
 *
 * <p>Called on one dedicated notification thread, in the order the changes happened, after the
 * operation finished. It may call the host (including lifecycle methods); an exception it throws is
 * logged and ignored.
 */
@FunctionalInterface
public interface PluginListener {

  void pluginChanged(PluginEvent event);
}
