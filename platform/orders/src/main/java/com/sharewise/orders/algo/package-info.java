/**
 * The platform's execution algorithms: {@link com.sharewise.orders.algo.AlgorithmEngine} works
 * BRACKET, TRAILING_STOP, ICEBERG, TWAP and VWAP parent orders by placing their child orders
 * through {@link com.sharewise.orders.OrderService#placeChild}, so every child passes the same
 * validation, kill switches, rules, journal and broker as any order.
 *
 * <p>Time comes from the platform {@link java.time.Clock} and an {@link
 * com.sharewise.orders.algo.AlgoScheduler}: {@link com.sharewise.orders.algo.ExecutorAlgoScheduler}
 * live, {@link com.sharewise.orders.algo.SimulatedScheduler} in backtests and tests, where the
 * simulation advances it. Volume profiles for VWAP come from a {@link
 * com.sharewise.orders.algo.VolumeProfile}, normally {@link
 * com.sharewise.orders.algo.BarVolumeProfile} over stored 1-minute bars.
 */
package com.sharewise.orders.algo;
