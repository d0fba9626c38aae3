/**
 * Position sizing: how many shares to trade given equity, price, risk and the exchange's lot size.
 *
 * <p>Every sizer is an immutable record, safe to share between threads, and rounds quantities down
 * to whole lots so that a sized order never risks more than asked.
 */
package com.sharewise.backtest.sizing;
