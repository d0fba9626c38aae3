package com.sharewise.marketdata;

import com.sharewise.api.market.Bar;

/**
 * Told about every bar the live aggregator closes, on every timeframe, in closing order per
 * instrument and timeframe.
 *
 * <p>Called on the market-data dispatch thread, one bar at a time: return quickly (hand work to
 * your own executor); a slow listener delays every other listener's bars. Exceptions are logged and
 * ignored.
 */
@FunctionalInterface
public interface BarListener {

  /** A bar closed (by the first tick of the next interval or by the timer at its end). */
  void onBar(Bar bar);
}
