package com.sharewise.api.strategy;

import com.sharewise.api.market.Bar;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A running strategy for one account, set of instruments, timeframe and parameter values.
 *
 * <h2>Lifecycle</h2>
 *
 * Created by {@link StrategyFactory#create}; receives {@link #onBar} for each closed bar of its
 * instruments (primary and extra timeframes), in time order; receives {@link #onStop} once when
 * stopped, paused, moved to a new plugin version or when the platform stops. State that must
 * survive a restart is rebuilt from the bar series, which the platform reloads.
 *
 * <h2>Threading and time limits</h2>
 *
 * The platform calls an instance from one thread at a time, so it needs no locks of its own. Each
 * call has a time budget (milliseconds live, far less per bar in backtests); an instance that
 * throws or overruns is paused with the error shown to the trader, and other instances go on.
 */
@ConsumerType
public interface StrategyInstance {

  /**
   * A bar closed. By the time this is called, {@code bar} is the last bar of {@code
   * context.series(bar.instrument(), bar.timeframe())}.
   */
  void onBar(Bar bar);

  /** The instance is being stopped. Release anything held. */
  default void onStop() {}
}
