package com.sharewise.api.trading;

import com.sharewise.api.market.InstrumentId;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A net position in one instrument and product.
 *
 * @param account whose position
 * @param instrument which instrument
 * @param product the margin product the position is held under
 * @param quantity net quantity: positive long, negative short, zero flat
 * @param averagePrice average entry price of the open quantity (zero when flat)
 * @param realisedPnl profit or loss already booked by closing trades, in rupees
 */
public record Position(
    AccountRef account,
    InstrumentId instrument,
    Product product,
    long quantity,
    BigDecimal averagePrice,
    BigDecimal realisedPnl) {

  public Position {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(averagePrice, "averagePrice");
    Objects.requireNonNull(realisedPnl, "realisedPnl");
  }
}
