/**
 * {@code /api/v1/backtests}: submit backtests and optimisations, follow their progress, read their
 * metrics, trades, equity curve and orders. Thin: the service is {@link
 * com.sharewise.backtest.runs.Backtests} (and {@link com.sharewise.backtest.runs.Optimisations}).
 */
package com.sharewise.backtest.rest;
