package com.sharewise.strategy.openingrangebreakout.internal;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.strategy.SignalAction;
import com.sharewise.api.strategy.StrategyContext;
import com.sharewise.api.strategy.StrategyInstance;
import com.sharewise.strategy.toolkit.Decimals;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One running opening-range breakout: a {@link Session} per bound instrument over the
 * primary-timeframe series the platform maintains.
 *
 * <p>History already in the series when the instance starts rebuilds the day's range, VWAP, entries
 * and implied position, but emits nothing; only the bar just closed can signal. Called from one
 * thread at a time, as {@link StrategyInstance} promises, so it needs no locks.
 */
final class OpeningRangeBreakoutInstance implements StrategyInstance {

  private final StrategyContext context;
  private final Settings settings;
  private final Map<InstrumentId, Session> sessions = new HashMap<>();

  OpeningRangeBreakoutInstance(StrategyContext context, Settings settings) {
    this.context = context;
    this.settings = settings;
    long barSeconds = context.timeframe().duration().toSeconds();
    for (InstrumentId instrument : context.instruments()) {
      Session session =
          new Session(context.series(instrument, context.timeframe()), barSeconds, settings);
      session.catchUp();
      sessions.put(instrument, session);
    }
  }

  @Override
  public void onBar(Bar bar) {
    Session session = sessions.get(bar.instrument());
    if (session == null || bar.timeframe() != context.timeframe()) {
      return;
    }
    session.catchUp();
    if (session.exit() != null) {
      emit(bar, session.exit(), exitReason(bar, session), session);
    }
    if (session.entry() != null) {
      emit(bar, session.entry(), entryReason(bar, session), session);
    }
  }

  private String entryReason(Bar bar, Session session) {
    boolean isLong = session.entry() == SignalAction.ENTER_LONG;
    return "Close "
        + price(bar.close())
        + (isLong ? " above opening range high " : " below opening range low ")
        + price(isLong ? session.rangeHigh() : session.rangeLow())
        + " ("
        + settings.rangeLabel()
        + ") and session VWAP "
        + price(session.vwap());
  }

  private String exitReason(Bar bar, Session session) {
    return switch (session.exitCause()) {
      case SQUARE_OFF -> "Square-off time " + IstTime.clock(settings.squareOff()) + " IST reached";
      case NEW_SESSION ->
          "Square-off missed: position from "
              + LocalDate.ofEpochDay(session.exitPositionDay())
              + " still open when a new session began";
      case REVERSAL -> {
        boolean wasLong = session.exit() == SignalAction.EXIT_LONG;
        yield "Close "
            + price(bar.close())
            + (wasLong ? " below opening range low " : " above opening range high ")
            + price(wasLong ? session.rangeLow() : session.rangeHigh())
            + " and session VWAP "
            + price(session.vwap());
      }
    };
  }

  private void emit(Bar bar, SignalAction action, String reason, Session session) {
    Map<String, String> attributes = new LinkedHashMap<>();
    // A new session's first bar may have no range yet: leave out what is not known.
    put(attributes, "rangeHigh", session.rangeHigh());
    put(attributes, "rangeLow", session.rangeLow());
    put(attributes, "vwap", session.vwap());
    context.emit(bar, action, reason, attributes);
  }

  private static void put(Map<String, String> attributes, String name, double value) {
    if (Double.isFinite(value)) {
      attributes.put(name, Decimals.format(value, 4));
    }
  }

  private static String price(double value) {
    return Decimals.fixed(value, 2);
  }
}
