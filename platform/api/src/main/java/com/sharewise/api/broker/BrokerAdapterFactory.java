package com.sharewise.api.broker;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The service a broker plugin registers (whiteboard style: register it, the platform finds it).
 *
 * <p>Thread-safe and cheap: {@link #descriptor()} may be called often from any thread, {@link
 * #create} once per account. The factory holds no per-account state; that lives in adapters. When
 * the plugin is updated or removed, the platform closes every adapter the old factory made. The
 * platform always closes an account's adapter before it creates the next one for that account, so
 * an adapter may hold exclusive locks on its {@link BrokerContext#stateDirectory()}.
 */
@ConsumerType
public interface BrokerAdapterFactory {

  /** What this broker is and what it can do. Must return the same value on every call. */
  BrokerDescriptor descriptor();

  /**
   * Creates the adapter for one account. Must not connect yet (see {@link BrokerAdapter#connect}).
   *
   * @throws BrokerException when the settings cannot work (for example an API key of the wrong
   *     shape)
   */
  BrokerAdapter create(BrokerContext context) throws BrokerException;
}
