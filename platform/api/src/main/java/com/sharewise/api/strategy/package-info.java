/**
 * The strategy plugin SPI: ta4j-based strategies that turn bars into signals.
 *
 * <p>A strategy plugin registers a {@link com.sharewise.api.strategy.StrategyFactory}. For each
 * strategy instance a trader creates (an account, instruments, a timeframe and parameter values)
 * the platform calls {@link com.sharewise.api.strategy.StrategyFactory#create} and then feeds the
 * {@link com.sharewise.api.strategy.StrategyInstance} one closed bar at a time. The instance reads
 * ta4j {@link org.ta4j.core.BarSeries} the platform maintains and emits {@link
 * com.sharewise.api.strategy.Signal}s; signal rules and risk rules decide what becomes an order.
 * The very same code runs live, on paper and in backtests, so a strategy must take time only from
 * its bars and its context's clock.
 */
@Export
@Version("1.0.0")
package com.sharewise.api.strategy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
