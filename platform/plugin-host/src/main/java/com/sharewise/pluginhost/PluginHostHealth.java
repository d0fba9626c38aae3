package com.sharewise.pluginhost;

/**
 * The plugin host's health for the node's health endpoint.
 *
 * @param up the framework is running and the plugins folder is being watched
 * @param active plugins in state {@link PluginState#ACTIVE}
 * @param failed plugins in state {@link PluginState#FAILED}
 * @param detail a one-line summary for humans
 */
public record PluginHostHealth(boolean up, int active, int failed, String detail) {}
