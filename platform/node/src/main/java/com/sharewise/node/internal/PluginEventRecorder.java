package com.sharewise.node.internal;

import com.sharewise.pluginhost.PluginInfo;
import com.sharewise.pluginhost.PluginListener;
import com.sharewise.store.PluginEvent;
import com.sharewise.store.PluginEventLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps a durable history of plugin installs, updates, removals and failures in the store. */
public final class PluginEventRecorder implements PluginListener {

  private static final Logger LOG = LoggerFactory.getLogger(PluginEventRecorder.class);

  private final PluginEventLog log;

  public PluginEventRecorder(PluginEventLog log) {
    this.log = log;
  }

  @Override
  public void pluginChanged(com.sharewise.pluginhost.PluginEvent event) {
    PluginInfo plugin = event.plugin();
    LOG.atInfo()
        .addKeyValue("plugin", plugin.id())
        .addKeyValue("version", plugin.version())
        .addKeyValue("event", event.type())
        .addKeyValue("state", plugin.state())
        .log("plugin changed");
    try {
      log.record(
          plugin.id(),
          plugin.version(),
          PluginEvent.Action.valueOf(event.type().name()),
          plugin.lastError());
    } catch (RuntimeException e) {
      // The plugin change itself has happened; losing its history line must not undo it.
      LOG.atError()
          .setCause(e)
          .addKeyValue("plugin", plugin.id())
          .log("could not record plugin event");
    }
  }
}
