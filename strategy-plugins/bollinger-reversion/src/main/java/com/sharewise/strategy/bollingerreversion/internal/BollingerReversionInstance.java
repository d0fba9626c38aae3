package com.sharewise.strategy.bollingerreversion.internal;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.strategy.SignalAction;
import com.sharewise.api.strategy.StrategyContext;
import com.sharewise.api.strategy.StrategyInstance;
import com.sharewise.strategy.toolkit.Decimals;
import java.util.HashMap;
import java.util.Map;

/**
 * One running Bollinger mean-reversion strategy: {@link Bands} per bound instrument over the
 * primary-timeframe series the platform maintains.
 *
 * <p>History already in the series when the instance starts fills the window and sets the implied
 * position, but emits nothing; only the bar just closed can signal. Called from one thread at a
 * time, as {@link StrategyInstance} promises, so it needs no locks.
 */
final class BollingerReversionInstance implements StrategyInstance {

  private final StrategyContext context;
  private final Settings settings;
  private final Map<InstrumentId, Bands> bands = new HashMap<>();

  BollingerReversionInstance(StrategyContext context, Settings settings) {
    this.context = context;
    this.settings = settings;
    for (InstrumentId instrument : context.instruments()) {
      Bands instrumentBands = new Bands(context.series(instrument, context.timeframe()), settings);
      instrumentBands.catchUp();
      bands.put(instrument, instrumentBands);
    }
  }

  @Override
  public void onBar(Bar bar) {
    Bands instrumentBands = bands.get(bar.instrument());
    if (instrumentBands == null || bar.timeframe() != context.timeframe()) {
      return;
    }
    Bands.Event event = instrumentBands.catchUp();
    if (event == Bands.Event.NONE) {
      return;
    }
    context.emit(
        bar,
        event == Bands.Event.ENTER ? SignalAction.ENTER_LONG : SignalAction.EXIT_LONG,
        reason(event, bar.close(), instrumentBands),
        Map.of(
            "middle", Decimals.format(instrumentBands.middle(), 4),
            "upper", Decimals.format(instrumentBands.upper(), 4),
            "lower", Decimals.format(instrumentBands.lower(), 4)));
  }

  private String reason(Bands.Event event, double close, Bands instrumentBands) {
    String closed = "Close " + price(close);
    return switch (event) {
      case ENTER ->
          closed
              + " dropped below the lower band "
              + price(instrumentBands.lower())
              + " of "
              + settings.label();
      case EXIT_TARGET ->
          settings.exitAt() == Settings.Target.MIDDLE
              ? closed
                  + " is back at the middle band SMA("
                  + settings.period()
                  + ") "
                  + price(instrumentBands.middle())
              : closed
                  + " crossed above the upper band "
                  + price(instrumentBands.upper())
                  + " of "
                  + settings.label();
      case EXIT_STOP ->
          "Stop: close "
              + price(close)
              + " is "
              + Decimals.fixed(100 * (1 - close / instrumentBands.entryPrice()), 2)
              + "% below the entry close "
              + price(instrumentBands.entryPrice())
              + " (stop "
              + Decimals.format(settings.stopPercent(), 4)
              + "%)";
      case NONE -> "";
    };
  }

  private static String price(double value) {
    return Decimals.fixed(value, 2);
  }
}
