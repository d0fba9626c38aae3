package com.sharewise.pluginhost;

import java.util.Objects;

/**
 * A change to the set of plugins.
 *
 * @param type what happened
 * @param plugin the plugin after the change (for {@link Type#UNINSTALLED}: as it was last known)
 */
public record PluginEvent(Type type, PluginInfo plugin) {

  /** What happened to a plugin. */
  public enum Type {
    /** Installed and started. */
    INSTALLED,
    /** Replaced by a new version that started. */
    UPDATED,
    /** Removed. */
    UNINSTALLED,
    /**
     * A jar dropped in the plugins folder did not install or start, or an update failed; {@link
     * PluginInfo#lastError()} says why. When an update failed and the previous version was
     * restored, the plugin's state is still {@code ACTIVE}. (A refused {@code install} call sends
     * no event: it leaves no plugin behind, and its caller gets the exception.)
     */
    FAILED
  }

  public PluginEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(plugin, "plugin");
  }
}
