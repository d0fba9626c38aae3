package com.sharewise.api.market;

import java.util.Optional;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Read access to the platform's quote book: the latest tick per instrument, shared by every node.
 *
 * <p>Implemented by the platform and handed to plugins (for example to a paper broker that fills
 * against live prices). Thread-safe; {@link #latest} never blocks on the network for long and may
 * be called from any thread.
 *
 * <p>{@link #subscribe} pushes the quotes of one instrument to a listener as they arrive on this
 * node, for plugins that react to prices (a paper broker filling resting orders, for example).
 */
@ProviderType
public interface QuoteSource {

  /** The newest tick seen for {@code instrument}, or empty when none has arrived yet. */
  Optional<Tick> latest(InstrumentId instrument);

  /**
   * Calls {@code listener} with each new quote of {@code instrument} until the subscription is
   * closed.
   *
   * <h2>Threading and delivery</h2>
   *
   * The listener runs on a platform thread reserved for quote listeners, never on a feed's thread,
   * and is called by one thread at a time per subscription, in exchange-time order. A listener that
   * falls behind gets the newest quote rather than every one in between (quotes are conflated), so
   * use the cumulative {@link Tick#volume()} rather than {@link Tick#lastQuantity()} to learn how
   * much traded since the previous call. A listener may block briefly (on its own lock, on a disk
   * write) without slowing the feed or other listeners. Exceptions it throws are logged and the
   * subscription stays open.
   *
   * <h2>Lifecycle</h2>
   *
   * Close the subscription when no longer interested, at the latest in the plugin's own {@code
   * close}. After {@link Subscription#close()} returns the listener is not called again.
   *
   * @return the subscription; closing it twice is harmless
   */
  Subscription subscribe(InstrumentId instrument, Consumer<Tick> listener);

  /** An open {@link #subscribe subscription}. */
  interface Subscription extends AutoCloseable {
    /** Stops delivery; the listener is not called after this returns. Never throws. */
    @Override
    void close();
  }
}
