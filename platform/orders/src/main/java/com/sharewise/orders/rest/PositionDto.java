package com.sharewise.orders.rest;

import com.sharewise.orders.PositionView;
import java.math.BigDecimal;

/**
 * A position on the wire, marked to the latest quote.
 *
 * @param accountId the account
 * @param instrument {@code EXCHANGE:SYMBOL}
 * @param product CNC (delivery), MIS or NRML
 * @param quantity net quantity, negative when short
 * @param averagePrice average entry price
 * @param lastPrice the price it is marked at
 * @param marketValue |quantity| × last price
 * @param realisedPnl booked by closing trades (before charges)
 * @param unrealisedPnl at the last price
 * @param charges brokerage and taxes on its fills
 * @param boughtQuantity bought in total
 * @param soldQuantity sold in total
 */
public record PositionDto(
    long accountId,
    String instrument,
    String product,
    long quantity,
    BigDecimal averagePrice,
    BigDecimal lastPrice,
    BigDecimal marketValue,
    BigDecimal realisedPnl,
    BigDecimal unrealisedPnl,
    BigDecimal charges,
    long boughtQuantity,
    long soldQuantity) {

  static PositionDto of(PositionView p) {
    return new PositionDto(
        p.accountId(),
        p.instrument().toString(),
        p.product().name(),
        p.quantity(),
        p.averagePrice(),
        p.lastPrice(),
        p.marketValue(),
        p.realisedPnl(),
        p.unrealisedPnl(),
        p.charges(),
        p.boughtQuantity(),
        p.soldQuantity());
  }
}
