package com.sharewise.api.strategy;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Timeframe;
import com.sharewise.api.trading.AccountRef;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;
import org.ta4j.core.BarSeries;

/**
 * What the platform gives a strategy instance. Implemented by the platform.
 *
 * <p>Only call it from within {@link StrategyInstance} callbacks (the platform's strategy thread
 * for this instance). The series it returns are updated by the platform before each {@link
 * StrategyInstance#onBar} call; do not add bars to them yourself.
 */
@ProviderType
public interface StrategyContext {

  /** The id of this strategy instance, for signals and logs. */
  String instanceId();

  /** The account the instance trades for. */
  AccountRef account();

  /** The instruments the trader bound the instance to. */
  List<InstrumentId> instruments();

  /** The instance's primary timeframe. */
  Timeframe timeframe();

  /**
   * The bar series of {@code instrument} at {@code timeframe}; the primary timeframe and the
   * descriptor's extra timeframes are available.
   *
   * @throws IllegalArgumentException for an instrument or timeframe the instance is not bound to
   */
  BarSeries series(InstrumentId instrument, Timeframe timeframe);

  /** Platform time: wall time live, simulated time in backtests. */
  Clock clock();

  /** Hands a signal to the platform. Returns at once. */
  void emit(Signal signal);

  /**
   * Emits a signal triggered by {@code bar}: stamped with the bar's end time and priced at its
   * close, so the same bars give the same signals live and in backtests.
   */
  default void emit(Bar bar, SignalAction action, String reason, Map<String, String> attributes) {
    emit(
        new Signal(
            instanceId(),
            bar.instrument(),
            bar.timeframe(),
            action,
            bar.endTime(),
            bar.close(),
            reason,
            attributes));
  }
}
