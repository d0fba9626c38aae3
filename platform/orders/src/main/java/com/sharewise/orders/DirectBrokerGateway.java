package com.sharewise.orders;

import com.sharewise.api.broker.BrokerAdapter;
import com.sharewise.api.broker.BrokerException;
import com.sharewise.api.trading.Fill;
import com.sharewise.api.trading.OrderModification;
import com.sharewise.api.trading.OrderRequest;
import com.sharewise.api.trading.OrderUpdate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

/**
 * Brokers called on the caller's thread, without time limits: for backtests, whose simulated time
 * must not race real threads, and tests. The adapters are made (and connected) by {@code adapters}
 * on first use and closed with the gateway.
 */
public final class DirectBrokerGateway implements BrokerGateway {

  private final LongFunction<BrokerAdapter> adapters;
  private final Map<Long, Session> sessions = new ConcurrentHashMap<>();

  /**
   * @param adapters makes the connected adapter of an account
   */
  public DirectBrokerGateway(LongFunction<BrokerAdapter> adapters) {
    this.adapters = adapters;
  }

  @Override
  public BrokerSession session(long accountId, String brokerId) {
    return sessions.computeIfAbsent(accountId, id -> new Session(brokerId, adapters.apply(id)));
  }

  @Override
  public void close() {
    sessions.values().forEach(s -> s.adapter.close());
    sessions.clear();
  }

  private record Session(String brokerId, BrokerAdapter adapter) implements BrokerSession {
    @Override
    public OrderUpdate place(OrderRequest request) throws BrokerException {
      return adapter.placeOrder(request);
    }

    @Override
    public OrderUpdate modify(
        String clientOrderId, String brokerOrderId, OrderModification modification)
        throws BrokerException {
      return adapter.modifyOrder(clientOrderId, brokerOrderId, modification);
    }

    @Override
    public OrderUpdate cancel(String clientOrderId, String brokerOrderId) throws BrokerException {
      return adapter.cancelOrder(clientOrderId, brokerOrderId);
    }

    @Override
    public List<OrderUpdate> orderBook() throws BrokerException {
      return adapter.orderBook();
    }

    @Override
    public List<Fill> tradeBook() throws BrokerException {
      return adapter.tradeBook();
    }
  }
}
