package com.sharewise.orders;

import com.sharewise.api.trading.Fill;
import com.sharewise.api.trading.OrderUpdate;

/**
 * Where a {@link BrokerGateway} delivers what adapters report on their own. Implemented by the
 * order service; calls may come from any thread and return quickly.
 */
public interface BrokerEvents {

  void orderUpdated(long accountId, OrderUpdate update);

  void filled(long accountId, Fill fill);

  /** The account's broker session went up ({@code connected}) or down. */
  default void connectionChanged(long accountId, boolean connected, String detail) {}
}
