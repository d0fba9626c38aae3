package com.sharewise.node.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes what the node started in reverse order of starting, so the store (started first) closes
 * last. A part that fails to close is logged and the rest still close.
 */
public final class Shutdown implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Shutdown.class);

  private final Deque<Part> parts = new ArrayDeque<>();

  private record Part(String name, AutoCloseable closeable) {}

  /** Registers a started part; returns it for chaining. */
  public synchronized <T extends AutoCloseable> T add(String name, T closeable) {
    parts.push(new Part(name, closeable));
    return closeable;
  }

  @Override
  public synchronized void close() {
    while (!parts.isEmpty()) {
      Part part = parts.pop();
      long start = System.nanoTime();
      try {
        part.closeable().close();
        LOG.atInfo()
            .addKeyValue("part", part.name())
            .addKeyValue("ms", (System.nanoTime() - start) / 1_000_000)
            .log("stopped");
      } catch (Exception e) {
        LOG.atError().setCause(e).addKeyValue("part", part.name()).log("failed to stop cleanly");
      }
    }
  }
}
