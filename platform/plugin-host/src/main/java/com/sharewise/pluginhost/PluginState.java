package com.sharewise.pluginhost;

/**
 * A plugin's lifecycle state as users see it: the OSGi bundle state, except that a plugin whose
 * last install, update or start failed (and which is not running) is {@link #FAILED}, with the
 * reason in {@link PluginInfo#lastError()}.
 */
public enum PluginState {
  INSTALLED,
  RESOLVED,
  STARTING,
  ACTIVE,
  STOPPING,
  FAILED
}
