package com.sharewise.marketdata.internal;

import com.sharewise.marketdata.StreamPublisher;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards the market-data threads against a failing stream hub: a publish that throws (an
 * unregistered channel, a payload that cannot be serialised) is counted and logged now and then,
 * and never stops a flush or a bar dispatch.
 */
public final class SafePublisher implements StreamPublisher {

  private static final Logger LOG = LoggerFactory.getLogger(SafePublisher.class);

  private final StreamPublisher delegate;
  private final AtomicLong failures = new AtomicLong();

  public SafePublisher(StreamPublisher delegate) {
    this.delegate = delegate;
  }

  @Override
  public void publish(String channel, String key, Object payload) {
    try {
      delegate.publish(channel, key, payload);
    } catch (RuntimeException e) {
      if (failures.getAndIncrement() % 10_000 == 0) {
        LOG.atWarn()
            .setCause(e)
            .addKeyValue("channel", channel)
            .addKeyValue("key", key)
            .addKeyValue("failures", failures.get())
            .log("cannot publish market data to the stream hub");
      }
    }
  }

  @Override
  public boolean hasSubscribers(String channel, String key) {
    try {
      return delegate.hasSubscribers(channel, key);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Publishes that failed. */
  public long failures() {
    return failures.get();
  }
}
