package com.sharewise.orders;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.trading.Product;
import java.math.BigDecimal;

/**
 * An account's net position in one instrument and product, marked to the quote book.
 *
 * @param accountId the account
 * @param instrument the instrument
 * @param product CNC positions are delivery holdings; MIS and NRML are intraday or carry-forward
 * @param quantity net shares: positive long, negative short, zero flat
 * @param averagePrice average entry price of the open quantity (zero when flat)
 * @param realisedPnl booked by closing trades, in rupees, before charges
 * @param lastPrice the last traded price used to mark it (the average price when no quote)
 * @param unrealisedPnl quantity × (last − average), in rupees
 * @param charges brokerage and taxes paid on its fills, in rupees
 * @param boughtQuantity shares bought in total
 * @param soldQuantity shares sold in total
 */
public record PositionView(
    long accountId,
    InstrumentId instrument,
    Product product,
    long quantity,
    BigDecimal averagePrice,
    BigDecimal realisedPnl,
    BigDecimal lastPrice,
    BigDecimal unrealisedPnl,
    BigDecimal charges,
    long boughtQuantity,
    long soldQuantity) {

  /** Value of the open quantity at the last price, ignoring the sign. */
  public BigDecimal marketValue() {
    return lastPrice.multiply(BigDecimal.valueOf(Math.abs(quantity)));
  }
}
