package com.sharewise.rules.model;

/**
 * An order someone (a strategy or a trader) wants to place, before any rule has judged it.
 *
 * @param id the intent's id (the order's client order id)
 * @param accountId the account the order is for
 * @param instrument {@code EXCHANGE:SYMBOL}, e.g. {@code NSE:INFY}
 * @param side buy or sell
 * @param quantity whole shares, positive
 * @param priceType market, limit or stop-loss
 * @param limitPrice the limit price in rupees; 0 for market and SL-M orders
 * @param triggerPrice the trigger price in rupees; 0 unless SL or SL-M
 * @param product CNC, MIS or NRML
 * @param strategyId the strategy instance that asked for it; empty for a manual order
 * @param referencePrice the price the order is valued at: the limit price, else the last traded
 *     price (0 when there is no quote)
 */
public record OrderIntent(
    String id,
    String accountId,
    String instrument,
    Side side,
    long quantity,
    PriceType priceType,
    double limitPrice,
    double triggerPrice,
    ProductType product,
    String strategyId,
    double referencePrice) {

  public OrderIntent {
    id = id == null ? "" : id;
    accountId = accountId == null ? "" : accountId;
    instrument = instrument == null ? "" : instrument;
    side = side == null ? Side.BUY : side;
    priceType = priceType == null ? PriceType.MARKET : priceType;
    product = product == null ? ProductType.CNC : product;
    strategyId = strategyId == null ? "" : strategyId;
  }

  /** Order value in rupees: quantity × reference price. */
  public double value() {
    return quantity * referencePrice;
  }

  /** The quantity with its sign: positive for a buy, negative for a sell. */
  public long signedQuantity() {
    return side.sign() * quantity;
  }

  /** Whether the order was placed by hand rather than by a strategy. */
  public boolean manual() {
    return strategyId.isEmpty();
  }

  /** The exchange part of the instrument, e.g. {@code NSE}. */
  public String exchange() {
    int colon = instrument.indexOf(':');
    return colon < 0 ? "" : instrument.substring(0, colon);
  }
}
