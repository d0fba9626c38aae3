package com.sharewise.api.trading;

import com.sharewise.api.market.InstrumentId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One execution (trade) against an order.
 *
 * @param fillId the broker's trade id, unique per broker account; the platform uses it to ignore a
 *     fill reported twice
 * @param clientOrderId the platform's id of the order
 * @param brokerOrderId the broker's id of the order
 * @param instrument what traded
 * @param side buy or sell
 * @param quantity executed quantity, positive
 * @param price execution price
 * @param time exchange time of the execution
 * @param charges what the execution cost beyond its price, in rupees: brokerage, STT, exchange
 *     transaction charges, SEBI fee, stamp duty and GST together; zero when the broker does not
 *     report charges per execution
 */
public record Fill(
    String fillId,
    String clientOrderId,
    String brokerOrderId,
    InstrumentId instrument,
    OrderSide side,
    long quantity,
    BigDecimal price,
    Instant time,
    BigDecimal charges) {

  public Fill {
    Objects.requireNonNull(fillId, "fillId");
    Objects.requireNonNull(clientOrderId, "clientOrderId");
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(time, "time");
    brokerOrderId = brokerOrderId == null ? "" : brokerOrderId;
    charges = charges == null ? BigDecimal.ZERO : charges;
    if (charges.signum() < 0) {
      throw new IllegalArgumentException(fillId + ": charges must not be negative");
    }
    if (quantity <= 0) {
      throw new IllegalArgumentException(fillId + ": fill quantity must be positive");
    }
  }

  /** An execution whose charges the broker does not report. */
  public Fill(
      String fillId,
      String clientOrderId,
      String brokerOrderId,
      InstrumentId instrument,
      OrderSide side,
      long quantity,
      BigDecimal price,
      Instant time) {
    this(
        fillId,
        clientOrderId,
        brokerOrderId,
        instrument,
        side,
        quantity,
        price,
        time,
        BigDecimal.ZERO);
  }

  /** Quantity × price, in rupees, before charges. */
  public BigDecimal value() {
    return price.multiply(BigDecimal.valueOf(quantity));
  }
}
