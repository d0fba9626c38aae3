package com.sharewise.api.trading;

import com.sharewise.api.market.InstrumentId;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Delivered shares in the demat account (as opposed to today's {@link Position}s).
 *
 * @param account whose holding
 * @param instrument which instrument
 * @param quantity shares held, including those pledged or in transit
 * @param averagePrice average acquisition price
 */
public record Holding(
    AccountRef account, InstrumentId instrument, long quantity, BigDecimal averagePrice) {
  public Holding {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(averagePrice, "averagePrice");
  }
}
