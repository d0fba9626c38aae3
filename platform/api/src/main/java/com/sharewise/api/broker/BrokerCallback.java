package com.sharewise.api.broker;

import com.sharewise.api.trading.Fill;
import com.sharewise.api.trading.OrderUpdate;
import org.osgi.annotation.versioning.ProviderType;

/**
 * How an adapter reports asynchronous events. Implemented by the platform.
 *
 * <p>Thread-safe; may be called from any adapter thread. Calls only enqueue and return at once.
 * Reporting the same fill or update twice is harmless: the platform ignores duplicates by fill id
 * and by (client order id, status, filled quantity).
 */
@ProviderType
public interface BrokerCallback {

  /** An order changed state at the broker (including rejections after acceptance). */
  void orderUpdated(OrderUpdate update);

  /** An execution happened. */
  void filled(Fill fill);

  /**
   * The adapter's session with the broker went up or down.
   *
   * @param connected whether the adapter can place orders now
   * @param detail a short reason, without credentials
   */
  void connectionChanged(boolean connected, String detail);

  /** Convenience for adapters that batch: reports each fill in order. */
  default void filled(Iterable<Fill> fills) {
    fills.forEach(this::filled);
  }
}
