package com.sharewise.node.internal;

import com.sharewise.pluginhost.PluginInfo;
import com.sharewise.pluginhost.PluginListener;
import com.sharewise.store.PluginEvent;
import com.sharewise.store.PluginEventLog;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a durable history of plugin installs, updates, removals and failures in the store. The
 * plugin host starts beside the store, so the first events may come before the store is open: they
 * wait for it on the plugin host's event thread, in order.
 */
public final class PluginEventRecorder implements PluginListener {

  private static final Logger LOG = LoggerFactory.getLogger(PluginEventRecorder.class);

  private final CompletableFuture<PluginEventLog> log;

  /**
   * @param log the history, once the store is open; if the store fails to open, events are only
   *     logged (the node does not start)
   */
  public PluginEventRecorder(CompletableFuture<PluginEventLog> log) {
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
      log.join()
          .record(
              plugin.id(),
              plugin.version(),
              PluginEvent.Action.valueOf(event.type().name()),
              plugin.lastError());
    } catch (RuntimeException e) {
      // The plugin change itself has happened; losing its history line must not undo it (a store
      // that failed to open shows here as a CompletionException).
      LOG.atError()
          .setCause(e)
          .addKeyValue("plugin", plugin.id())
          .log("could not record plugin event");
    }
  }
}
