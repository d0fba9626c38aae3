package com.sharewise.rules.model;

/**
 * The latest quote of the order's instrument.
 *
 * @param instrument {@code EXCHANGE:SYMBOL}
 * @param lastPrice the last traded price
 * @param bid best bid (0 when none)
 * @param ask best ask (0 when none)
 * @param ageMillis how old the quote is, in milliseconds, when the order is checked
 */
public record QuoteFact(
    String instrument, double lastPrice, double bid, double ask, long ageMillis) {

  public QuoteFact {
    instrument = instrument == null ? "" : instrument;
  }

  /**
   * How far {@code price} is from the last price, in percent of the last price (always ≥ 0); 0 when
   * there is no last price.
   */
  public double deviationPercent(double price) {
    return lastPrice <= 0 ? 0 : Math.abs(price - lastPrice) * 100.0 / lastPrice;
  }
}
