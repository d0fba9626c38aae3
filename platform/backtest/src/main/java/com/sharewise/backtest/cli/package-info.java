/**
 * What {@code bin/sharewise backtest} needs besides the engine: the contract's bar CSV format,
 * simple signal and risk gates for a run without the node's database, and the metrics as text.
 */
package com.sharewise.backtest.cli;
