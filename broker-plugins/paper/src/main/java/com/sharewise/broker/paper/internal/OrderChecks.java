package com.sharewise.broker.paper.internal;

import com.sharewise.api.trading.OrderRequest;
import com.sharewise.api.trading.OrderSide;
import com.sharewise.api.trading.OrderType;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The exchange's checks on an order's terms, as the paper broker applies them before accepting a
 * new order or a modification. Each refusal is a sentence a trader can act on, naming the value,
 * the rule and the instrument.
 */
final class OrderChecks {

  private OrderChecks() {}

  /**
   * Why {@code request} breaks the instrument's lot size or tick grid, or a stop-loss's limit is on
   * the wrong side of its trigger; empty when it does not.
   */
  static Optional<String> refusal(OrderRequest request, Contract contract) {
    if (request.quantity() % contract.lotSize() != 0) {
      return Optional.of(
          "quantity "
              + request.quantity()
              + " is not a whole number of lots of "
              + contract.lotSize()
              + " for "
              + contract.instrument());
    }
    Optional<String> price = priceRefusal("limit price", request.limitPrice(), contract);
    if (price.isPresent()) {
      return price;
    }
    Optional<String> trigger = priceRefusal("trigger price", request.triggerPrice(), contract);
    if (trigger.isPresent()) {
      return trigger;
    }
    if (request.type() == OrderType.SL) {
      boolean buy = request.side() == OrderSide.BUY;
      int limitVersusTrigger = request.limitPrice().compareTo(request.triggerPrice());
      if (buy ? limitVersusTrigger < 0 : limitVersusTrigger > 0) {
        return Optional.of(
            "the limit price "
                + request.limitPrice().toPlainString()
                + " of a stop-loss "
                + (buy ? "buy must be at or above" : "sell must be at or below")
                + " its trigger price "
                + request.triggerPrice().toPlainString());
      }
    }
    return Optional.empty();
  }

  /** Why a price of {@code request} is outside the day's circuit band; empty when none is. */
  static Optional<String> outsideBand(OrderRequest request, CircuitBand band) {
    return bandRefusal("limit price", request.limitPrice(), band, request)
        .or(() -> bandRefusal("trigger price", request.triggerPrice(), band, request));
  }

  private static Optional<String> priceRefusal(String what, BigDecimal price, Contract contract) {
    if (price == null) {
      return Optional.empty();
    }
    if (price.signum() <= 0) {
      return Optional.of(
          what
              + " "
              + price.toPlainString()
              + " for "
              + contract.instrument()
              + " must be above 0");
    }
    if (!Prices.onTick(price, contract.tickSize())) {
      return Optional.of(
          what
              + " "
              + price.toPlainString()
              + " is not a multiple of the tick size "
              + contract.tickSize().toPlainString()
              + " for "
              + contract.instrument());
    }
    return Optional.empty();
  }

  private static Optional<String> bandRefusal(
      String what, BigDecimal price, CircuitBand band, OrderRequest request) {
    if (price == null || band.contains(price)) {
      return Optional.empty();
    }
    return Optional.of(
        what
            + " "
            + price.toPlainString()
            + " is outside today's circuit band for "
            + request.instrument()
            + ", "
            + band.lower().toPlainString()
            + " to "
            + band.upper().toPlainString()
            + " ("
            + band.percent().stripTrailingZeros().toPlainString()
            + "% either side of the reference price "
            + band.reference().toPlainString()
            + ")");
  }
}
