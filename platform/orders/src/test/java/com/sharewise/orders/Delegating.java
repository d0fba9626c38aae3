package com.sharewise.orders;

import com.sharewise.api.broker.BrokerAdapter;
import com.sharewise.api.broker.BrokerException;
import com.sharewise.api.trading.Fill;
import com.sharewise.api.trading.OrderModification;
import com.sharewise.api.trading.OrderRequest;
import com.sharewise.api.trading.OrderUpdate;
import java.util.List;

/** An adapter that passes every call on; tests override the calls they disturb. */
class Delegating implements BrokerAdapter {

  private final BrokerAdapter real;

  Delegating(BrokerAdapter real) {
    this.real = real;
  }

  @Override
  public void connect() throws BrokerException {
    real.connect();
  }

  @Override
  public OrderUpdate placeOrder(OrderRequest request) throws BrokerException {
    return real.placeOrder(request);
  }

  @Override
  public OrderUpdate modifyOrder(
      String clientOrderId, String brokerOrderId, OrderModification modification)
      throws BrokerException {
    return real.modifyOrder(clientOrderId, brokerOrderId, modification);
  }

  @Override
  public OrderUpdate cancelOrder(String clientOrderId, String brokerOrderId)
      throws BrokerException {
    return real.cancelOrder(clientOrderId, brokerOrderId);
  }

  @Override
  public List<OrderUpdate> orderBook() throws BrokerException {
    return real.orderBook();
  }

  @Override
  public List<Fill> tradeBook() throws BrokerException {
    return real.tradeBook();
  }

  @Override
  public void close() {
    real.close();
  }
}
