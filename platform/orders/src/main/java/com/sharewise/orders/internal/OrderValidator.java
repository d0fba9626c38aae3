package com.sharewise.orders.internal;

import com.sharewise.api.market.Instrument;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.orders.OrderCommand;
import com.sharewise.orders.OrderException;
import com.sharewise.orders.OrderException.Reason;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks what can be checked without the market or the rules: a known instrument, a quantity in
 * whole lots, prices present where the type needs them and on the tick grid. A failure is the
 * caller's mistake: 4xx, nothing journaled.
 */
public final class OrderValidator {

  private static final int MAX_CLIENT_ORDER_ID = 64;

  private final Function<InstrumentId, Optional<Instrument>> instruments;

  public OrderValidator(Function<InstrumentId, Optional<Instrument>> instruments) {
    this.instruments = instruments;
  }

  /** The instrument of a valid command. */
  public Instrument validate(OrderCommand c) {
    Instrument instrument =
        instruments
            .apply(c.instrument())
            .orElseThrow(
                () -> new OrderException(Reason.NOT_FOUND, "unknown instrument " + c.instrument()));
    if (c.clientOrderId().length() > MAX_CLIENT_ORDER_ID) {
      throw new OrderException(
          Reason.INVALID, "clientOrderId is longer than " + MAX_CLIENT_ORDER_ID + " characters");
    }
    quantity(instrument, c.quantity());
    // messages name the fields as the order API spells them: "price" is the limit price
    if (c.type().needsLimitPrice() != (c.limitPrice() != null)) {
      throw new OrderException(
          Reason.INVALID,
          c.type()
              + (c.type().needsLimitPrice()
                  ? " orders need a price (the limit)"
                  : " orders take no price"));
    }
    if (c.type().needsTriggerPrice() != (c.triggerPrice() != null)) {
      throw new OrderException(
          Reason.INVALID,
          c.type()
              + (c.type().needsTriggerPrice()
                  ? " orders need a triggerPrice"
                  : " orders take no triggerPrice"));
    }
    price(instrument, "price", c.limitPrice());
    price(instrument, "triggerPrice", c.triggerPrice());
    return instrument;
  }

  /** Checks a (new) quantity against the lot size. */
  public static void quantity(Instrument instrument, long quantity) {
    if (quantity <= 0) {
      throw new OrderException(Reason.INVALID, "quantity must be positive, got " + quantity);
    }
    if (!instrument.isWholeLots(quantity)) {
      throw new OrderException(
          Reason.INVALID,
          "quantity "
              + quantity
              + " is not a multiple of the lot size "
              + instrument.lotSize()
              + " of "
              + instrument.id());
    }
  }

  /** Checks a (new) price against the tick grid; null passes. */
  public static void price(Instrument instrument, String name, BigDecimal price) {
    if (price == null) {
      return;
    }
    if (price.signum() <= 0) {
      throw new OrderException(
          Reason.INVALID, name + " must be positive, got " + price.toPlainString());
    }
    if (!instrument.isOnTickGrid(price)) {
      throw new OrderException(
          Reason.INVALID,
          name
              + " "
              + price.toPlainString()
              + " is not a multiple of the tick size "
              + instrument.tickSize().toPlainString()
              + " of "
              + instrument.id());
    }
  }
}
