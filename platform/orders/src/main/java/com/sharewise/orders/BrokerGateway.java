package com.sharewise.orders;

/**
 * How the order path reaches each account's broker. The gateway creates and connects adapters (from
 * broker plugins, live) and sends their asynchronous reports to the {@link BrokerEvents} it was
 * given. Thread-safe.
 */
public interface BrokerGateway extends AutoCloseable {

  /**
   * The account's session, connecting it on first use.
   *
   * @throws OrderException {@code UNAVAILABLE} when the account's broker plugin is not installed or
   *     its adapter cannot be created or connected
   */
  BrokerSession session(long accountId, String brokerId);

  @Override
  void close();
}
