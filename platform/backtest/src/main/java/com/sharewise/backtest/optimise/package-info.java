/**
 * Optimisation's pure parts: parameter ranges expanded into a grid or sampled at random (seeded, so
 * the same request tries the same sets), and walk-forward windows. No I/O; the service that runs
 * the backtests is {@link com.sharewise.backtest.runs.Optimisations}.
 */
package com.sharewise.backtest.optimise;
