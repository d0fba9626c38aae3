package com.sharewise.broker.paper.internal;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.trading.OrderRequest;
import com.sharewise.api.trading.OrderSide;
import com.sharewise.api.trading.OrderType;
import com.sharewise.api.trading.Product;
import com.sharewise.api.trading.Validity;
import java.math.BigDecimal;

/** Order requests for tests; NSE:INFY, CNC and DAY unless said otherwise. */
final class Orders {

  static final InstrumentId INFY = InstrumentId.parse("NSE:INFY");

  private Orders() {}

  static OrderRequest market(String clientOrderId, OrderSide side, long quantity) {
    return market(clientOrderId, side, quantity, INFY);
  }

  static OrderRequest market(
      String clientOrderId, OrderSide side, long quantity, InstrumentId instrument) {
    return new OrderRequest(
        clientOrderId,
        TestBrokerContext.ACCOUNT,
        instrument,
        side,
        quantity,
        OrderType.MARKET,
        null,
        null,
        Product.CNC,
        Validity.DAY);
  }

  static OrderRequest limit(String clientOrderId, OrderSide side, long quantity, String price) {
    return limit(clientOrderId, side, quantity, price, Validity.DAY);
  }

  static OrderRequest limit(
      String clientOrderId, OrderSide side, long quantity, String price, Validity validity) {
    return new OrderRequest(
        clientOrderId,
        TestBrokerContext.ACCOUNT,
        INFY,
        side,
        quantity,
        OrderType.LIMIT,
        new BigDecimal(price),
        null,
        Product.CNC,
        validity);
  }
}
