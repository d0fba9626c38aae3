package com.sharewise.server.ws;

import com.sharewise.api.market.InstrumentId;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A channel clients may subscribe to.
 *
 * @param name the name in requests, e.g. {@code quotes}; lower case letters, digits, {@code -} and
 *     {@code .}
 * @param keys checks and canonicalises the keys clients ask for
 * @param retainLatest when true the hub keeps the last value published per key (even with nobody
 *     listening) and sends it to a new subscriber at once, so a chart shows a price before the next
 *     tick; use it for channels with a bounded key space (instruments), not for per-order streams
 * @param conflate when true a slow client gets only the newest value per key (prices); when false
 *     every value is delivered in order (order events, fills), and a client that lets too many pile
 *     up is disconnected rather than silently missing one
 */
public record StreamChannel(
    String name, KeyValidator keys, boolean retainLatest, boolean conflate) {

  /** A conflated channel. */
  public StreamChannel(String name, KeyValidator keys, boolean retainLatest) {
    this(name, keys, retainLatest, true);
  }

  /**
   * A channel of events that must all arrive, in order (order updates, fills); key = an account id.
   */
  public static StreamChannel events(String name) {
    return new StreamChannel(name, KeyValidator.accountId(), false, false);
  }

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]*");

  public StreamChannel {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keys, "keys");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("invalid channel name '" + name + "'");
    }
  }

  /**
   * Latest quote per instrument; key {@code EXCHANGE:SYMBOL}.
   *
   * @param known the instruments that may be subscribed to (the others are refused by name)
   */
  public static StreamChannel quotes(Predicate<InstrumentId> known) {
    return new StreamChannel("quotes", KeyValidator.instrument(known), true);
  }

  /**
   * Latest bar per instrument and timeframe; key {@code EXCHANGE:SYMBOL|TIMEFRAME}.
   *
   * @param known the instruments that may be subscribed to (the others are refused by name)
   */
  public static StreamChannel bars(Predicate<InstrumentId> known) {
    return new StreamChannel("bars", KeyValidator.instrumentAndTimeframe(known), true);
  }
}
