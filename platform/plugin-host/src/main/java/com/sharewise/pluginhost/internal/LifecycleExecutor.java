package com.sharewise.pluginhost.internal;

import com.sharewise.pluginhost.PluginException;
import com.sharewise.pluginhost.PluginException.Reason;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one thread that runs bundle lifecycle operations, so that REST calls and the folder watcher
 * never interleave. Callers block until their operation finished or the timeout passed; a call made
 * from the lifecycle thread itself runs inline.
 */
public final class LifecycleExecutor implements AutoCloseable {

  private final ExecutorService executor;
  private volatile Thread thread;

  public LifecycleExecutor(String threadName) {
    this.executor =
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread t = new Thread(runnable, threadName);
              t.setDaemon(true);
              thread = t;
              return t;
            });
  }

  /**
   * Runs {@code operation} on the lifecycle thread and waits for it.
   *
   * @throws PluginException the operation's own, or {@link Reason#TIMEOUT} / {@link
   *     Reason#NOT_RUNNING}
   */
  public <T> T call(String what, Callable<T> operation, Duration timeout) {
    if (Thread.currentThread() == thread) {
      return runInline(what, operation);
    }
    Future<T> future;
    try {
      future = executor.submit(operation);
    } catch (RejectedExecutionException e) {
      throw new PluginException(Reason.NOT_RUNNING, "the plugin host is not running", e);
    }
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new PluginException(
          Reason.TIMEOUT,
          what + " did not finish within " + timeout + "; it may still complete",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PluginException(Reason.TIMEOUT, what + ": interrupted while waiting", e);
    } catch (ExecutionException e) {
      throw unwrap(what, e.getCause());
    }
  }

  /** Stops accepting operations and waits up to {@code timeout} for the running one. */
  public void shutdown(Duration timeout) {
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
    shutdown(Duration.ofSeconds(10));
  }

  private static <T> T runInline(String what, Callable<T> operation) {
    try {
      return operation.call();
    } catch (Exception e) {
      throw unwrap(what, e);
    }
  }

  private static PluginException unwrap(String what, Throwable cause) {
    if (cause instanceof PluginException plugin) {
      return plugin;
    }
    return new PluginException(
        Reason.FRAMEWORK_ERROR, what + " failed: " + BundleErrors.describe(cause), cause);
  }
}
