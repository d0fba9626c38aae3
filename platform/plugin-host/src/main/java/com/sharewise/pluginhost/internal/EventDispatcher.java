package com.sharewise.pluginhost.internal;

import com.sharewise.pluginhost.PluginEvent;
import com.sharewise.pluginhost.PluginListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers plugin events to listeners on one notification thread, in order. Thread-safe. */
public final class EventDispatcher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

  private final List<PluginListener> listeners = new CopyOnWriteArrayList<>();
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread t = new Thread(runnable, "plugin-events");
            t.setDaemon(true);
            return t;
          });

  public void addListener(PluginListener listener) {
    listeners.add(listener);
  }

  public void removeListener(PluginListener listener) {
    listeners.remove(listener);
  }

  public void fire(PluginEvent event) {
    LOG.info(
        "Plugin {} {}: {} {} {}{}",
        event.plugin().id(),
        event.type(),
        event.plugin().version(),
        event.plugin().kind(),
        event.plugin().state(),
        event.plugin().lastError() == null ? "" : " (" + event.plugin().lastError() + ")");
    try {
      executor.execute(() -> deliver(event));
    } catch (RejectedExecutionException e) {
      LOG.debug("Event {} dropped: dispatcher closed", event);
    }
  }

  private void deliver(PluginEvent event) {
    for (PluginListener listener : listeners) {
      try {
        listener.pluginChanged(event);
      } catch (RuntimeException e) {
        LOG.warn("Plugin listener {} failed on {}", listener, event.type(), e);
      }
    }
  }

  /** Delivers what is queued (bounded wait), then stops. */
  public void close(Duration timeout) {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      executor.shutdownNow();
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(5));
  }
}
