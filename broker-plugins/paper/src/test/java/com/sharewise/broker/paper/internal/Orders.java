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
    return order(
        clientOrderId, instrument, side, quantity, OrderType.MARKET, null, null, Product.CNC);
  }

  static OrderRequest marketIoc(String clientOrderId, OrderSide side, long quantity) {
    return new OrderRequest(
        clientOrderId,
        TestBrokerContext.ACCOUNT,
        INFY,
        side,
        quantity,
        OrderType.MARKET,
        null,
        null,
        Product.CNC,
        Validity.IOC);
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

  static OrderRequest limit(
      String clientOrderId, InstrumentId instrument, OrderSide side, long quantity, String price) {
    return order(
        clientOrderId,
        instrument,
        side,
        quantity,
        OrderType.LIMIT,
        new BigDecimal(price),
        null,
        Product.CNC);
  }

  /** A stop-loss market (SL-M) order, MIS. */
  static OrderRequest stopMarket(
      String clientOrderId, OrderSide side, long quantity, String trigger) {
    return order(
        clientOrderId,
        INFY,
        side,
        quantity,
        OrderType.SL_M,
        null,
        new BigDecimal(trigger),
        Product.MIS);
  }

  /** A stop-loss limit (SL) order, MIS. */
  static OrderRequest stopLimit(
      String clientOrderId, OrderSide side, long quantity, String limit, String trigger) {
    return order(
        clientOrderId,
        INFY,
        side,
        quantity,
        OrderType.SL,
        new BigDecimal(limit),
        new BigDecimal(trigger),
        Product.MIS);
  }

  /** A DAY order. */
  static OrderRequest order(
      String clientOrderId,
      InstrumentId instrument,
      OrderSide side,
      long quantity,
      OrderType type,
      BigDecimal limitPrice,
      BigDecimal triggerPrice,
      Product product) {
    return new OrderRequest(
        clientOrderId,
        TestBrokerContext.ACCOUNT,
        instrument,
        side,
        quantity,
        type,
        limitPrice,
        triggerPrice,
        product,
        Validity.DAY);
  }
}
