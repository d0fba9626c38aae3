package com.sharewise.rules.model;

/**
 * An account's net position in one instrument, valued at the last price.
 *
 * @param accountId whose position
 * @param instrument {@code EXCHANGE:SYMBOL}
 * @param quantity net shares: positive long, negative short, zero flat
 * @param averagePrice average entry price of the open quantity
 * @param lastPrice the last traded price used to value it
 */
public record PositionFact(
    String accountId, String instrument, long quantity, double averagePrice, double lastPrice) {

  public PositionFact {
    accountId = accountId == null ? "" : accountId;
    instrument = instrument == null ? "" : instrument;
  }

  /** The position's value at the last price, ignoring its sign. */
  public double exposure() {
    return Math.abs(quantity) * lastPrice;
  }

  /** The net quantity if {@code order} filled completely. */
  public long quantityAfter(OrderIntent order) {
    return quantity + order.signedQuantity();
  }

  /** Unrealised profit or loss at the last price. */
  public double unrealisedPnl() {
    return quantity * (lastPrice - averagePrice);
  }
}
