/**
 * Backtesting: the analytics of a finished backtest ({@link com.sharewise.backtest.metrics}) and
 * the position sizing rules a backtest or a live strategy applies ({@link
 * com.sharewise.backtest.sizing}).
 */
package com.sharewise.backtest;
