package com.sharewise.marketdata.rest;

import com.sharewise.api.market.Instrument;
import java.math.BigDecimal;

/**
 * An instrument's reference data.
 *
 * @param id {@code EXCHANGE:SYMBOL}
 * @param exchange e.g. {@code NSE}
 * @param symbol e.g. {@code INFY}
 * @param token the broker's or exchange's instrument token (may be empty)
 * @param name e.g. {@code INFOSYS LIMITED}
 * @param segment {@code EQUITY}, {@code FUTURES}, …
 * @param tickSize smallest price step
 * @param lotSize quantity multiple
 * @param isin the ISIN (may be empty)
 */
public record InstrumentDto(
    String id,
    String exchange,
    String symbol,
    String token,
    String name,
    String segment,
    BigDecimal tickSize,
    int lotSize,
    String isin) {

  public static InstrumentDto of(Instrument instrument) {
    return new InstrumentDto(
        instrument.id().toString(),
        instrument.id().exchange().name(),
        instrument.id().symbol(),
        instrument.token(),
        instrument.name(),
        instrument.segment().name(),
        instrument.tickSize(),
        instrument.lotSize(),
        instrument.isin());
  }
}
