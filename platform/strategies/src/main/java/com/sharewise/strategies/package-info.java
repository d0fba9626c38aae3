/**
 * The strategy area: runs strategy plugins' {@link com.sharewise.api.strategy.StrategyInstance}s
 * over bars and turns their signals into orders through the signal rules and the one order path.
 *
 * <p>{@link com.sharewise.strategies.StrategyRunner} (one instance over its own bar series) and
 * {@link com.sharewise.strategies.SignalRouter} (signal → signal rules → order) are the reusable
 * core, used live by {@link com.sharewise.strategies.StrategyRuntime} and by backtests with a
 * simulated clock and an in-memory order path.
 */
package com.sharewise.strategies;
