package com.sharewise.server.ws;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Timeframe;
import java.util.function.Predicate;

/**
 * Checks a key a client asks to subscribe to and returns its canonical form (the form publishers
 * use), so {@code nse:infy} and {@code NSE:INFY} are the same subscription.
 *
 * <p>Must be thread-safe and fast; it runs on WebSocket threads for each subscribe request.
 */
@FunctionalInterface
public interface KeyValidator {

  /**
   * The canonical key.
   *
   * @throws IllegalArgumentException with a message the client can act on (it is sent to them)
   */
  String canonical(String key);

  /** Any non-blank key, taken as it is. */
  static KeyValidator any() {
    return key -> {
      if (key.isBlank()) {
        throw new IllegalArgumentException("key must not be blank");
      }
      return key;
    };
  }

  /**
   * An instrument, {@code EXCHANGE:SYMBOL} (e.g. {@code NSE:INFY}); canonical form upper case.
   *
   * @param known whether the platform knows the instrument: a subscription to one it does not know
   *     would wait for values that never come, so the client is told at once
   */
  static KeyValidator instrument(Predicate<InstrumentId> known) {
    return key -> requireKnown(InstrumentId.parse(key), known).toString();
  }

  /**
   * An instrument and a timeframe, {@code EXCHANGE:SYMBOL|TIMEFRAME} (e.g. {@code NSE:INFY|5m}), as
   * built from a request's {@code instrument} and {@code timeframe} members.
   *
   * @param known whether the platform knows the instrument (see {@link #instrument})
   */
  static KeyValidator instrumentAndTimeframe(Predicate<InstrumentId> known) {
    return key -> {
      int bar = key.lastIndexOf('|');
      if (bar < 0) {
        throw new IllegalArgumentException(
            "key must be INSTRUMENT|TIMEFRAME (send \"instrument\" and \"timeframe\"), e.g."
                + " NSE:INFY|5m; got '"
                + key
                + "'; valid timeframes: "
                + Timeframe.validLabels());
      }
      return requireKnown(InstrumentId.parse(key.substring(0, bar)), known)
          + "|"
          + Timeframe.parse(key.substring(bar + 1)).label();
    };
  }

  /** An account id, a positive whole number (per-account event channels). */
  static KeyValidator accountId() {
    return key -> {
      try {
        long id = Long.parseLong(key.trim());
        if (id <= 0) {
          throw new NumberFormatException();
        }
        return Long.toString(id);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("key must be an account id, got '" + key + "'");
      }
    };
  }

  private static InstrumentId requireKnown(InstrumentId instrument, Predicate<InstrumentId> known) {
    if (!known.test(instrument)) {
      throw new IllegalArgumentException("unknown instrument " + instrument);
    }
    return instrument;
  }
}
