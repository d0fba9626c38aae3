package com.sharewise.api.market;

import java.util.Locale;
import java.util.Objects;

/**
 * The name of a tradable instrument: {@code EXCHANGE:SYMBOL}, for example {@code NSE:INFY}.
 *
 * <p>This is the key every part of ShareWise uses for an instrument (quote book, bars, orders,
 * positions). Broker-specific identifiers such as instrument tokens live in {@link Instrument}.
 *
 * @param exchange the exchange the symbol trades on
 * @param symbol the exchange's trading symbol, upper case, without spaces
 */
public record InstrumentId(Exchange exchange, String symbol) {

  public InstrumentId {
    Objects.requireNonNull(exchange, "exchange");
    Objects.requireNonNull(symbol, "symbol");
    if (symbol.isBlank() || symbol.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          "symbol must be non-blank without spaces: '" + symbol + "'");
    }
    symbol = symbol.toUpperCase(Locale.ROOT);
  }

  /**
   * Parses {@code EXCHANGE:SYMBOL}.
   *
   * @throws IllegalArgumentException naming the text and what is wrong with it
   */
  public static InstrumentId parse(String text) {
    Objects.requireNonNull(text, "text");
    int colon = text.indexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException(
          "instrument must look like EXCHANGE:SYMBOL (e.g. NSE:INFY), got '" + text + "'");
    }
    String exchange = text.substring(0, colon).trim().toUpperCase(Locale.ROOT);
    try {
      return new InstrumentId(Exchange.valueOf(exchange), text.substring(colon + 1).trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown exchange '" + exchange + "' in '" + text + "'; known: " + knownExchanges(), e);
    }
  }

  private static String knownExchanges() {
    return String.join(", ", java.util.Arrays.stream(Exchange.values()).map(Enum::name).toList());
  }

  @Override
  public String toString() {
    return exchange.name() + ":" + symbol;
  }
}
