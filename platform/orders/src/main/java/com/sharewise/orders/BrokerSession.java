package com.sharewise.orders;

import com.sharewise.api.broker.BrokerException;
import com.sharewise.api.trading.Fill;
import com.sharewise.api.trading.OrderModification;
import com.sharewise.api.trading.OrderRequest;
import com.sharewise.api.trading.OrderUpdate;
import java.util.List;

/**
 * One account's connected broker adapter as the order path uses it. Live sessions run each call on
 * the adapter's own executor and give up after the broker timeout with {@link
 * BrokerException.Reason#OUTCOME_UNKNOWN}; a backtest's session calls the adapter directly.
 */
public interface BrokerSession {

  /** The broker plugin's id, e.g. {@code paper}. */
  String brokerId();

  OrderUpdate place(OrderRequest request) throws BrokerException;

  OrderUpdate modify(String clientOrderId, String brokerOrderId, OrderModification modification)
      throws BrokerException;

  OrderUpdate cancel(String clientOrderId, String brokerOrderId) throws BrokerException;

  List<OrderUpdate> orderBook() throws BrokerException;

  List<Fill> tradeBook() throws BrokerException;
}
