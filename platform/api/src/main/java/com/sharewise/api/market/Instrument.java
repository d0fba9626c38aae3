package com.sharewise.api.market;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Static reference data for an instrument, as an exchange or broker publishes it.
 *
 * @param id the platform-wide name, e.g. {@code NSE:INFY}
 * @param token the broker's or exchange's numeric instrument token as text (empty if unknown)
 * @param name a human-readable name, e.g. {@code INFOSYS LIMITED}
 * @param segment what kind of contract it is
 * @param tickSize the smallest price increment, e.g. {@code 0.05} (strictly positive)
 * @param lotSize the quantity multiple an order must respect (1 for cash equities)
 * @param isin the ISIN, or an empty string for contracts that have none
 */
public record Instrument(
    InstrumentId id,
    String token,
    String name,
    Segment segment,
    BigDecimal tickSize,
    int lotSize,
    String isin) {

  public Instrument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(segment, "segment");
    Objects.requireNonNull(tickSize, "tickSize");
    token = token == null ? "" : token;
    name = name == null ? "" : name;
    isin = isin == null ? "" : isin;
    if (tickSize.signum() <= 0) {
      throw new IllegalArgumentException(id + ": tick size must be positive, got " + tickSize);
    }
    if (lotSize <= 0) {
      throw new IllegalArgumentException(id + ": lot size must be positive, got " + lotSize);
    }
  }

  /** True when {@code price} is a whole multiple of the tick size. */
  public boolean isOnTickGrid(BigDecimal price) {
    return price.remainder(tickSize).signum() == 0;
  }

  /** True when {@code quantity} is a positive whole multiple of the lot size. */
  public boolean isWholeLots(long quantity) {
    return quantity > 0 && quantity % lotSize == 0;
  }
}
