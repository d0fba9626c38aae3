package com.sharewise.broker.paper.internal;

import com.sharewise.api.param.ParameterSpec;
import com.sharewise.api.param.Parameters;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An account's paper-trading settings, read once when its adapter is created.
 *
 * @param slippageBps how far fills move against the trader, in basis points
 * @param latency how long after placement (or modification) an order reaches the simulated
 *     exchange: it can fill only from quotes stamped that much later
 * @param participationPercent the share of each quote's traded volume a resting order may fill
 * @param circuitPercent the circuit band either side of the day's reference price
 * @param fees the fee model's rates
 * @param durable whether each journal write is forced to disk before it is applied; off only for
 *     books nobody reopens (backtests, which keep their own results), where forcing a write per
 *     event would cost far more than the simulation
 * @param journal whether the book is kept in a journal file at all; off only for books thrown away
 *     with their run (backtests), where formatting and writing every event would cost more than the
 *     simulation
 */
record PaperSettings(
    double slippageBps,
    Duration latency,
    BigDecimal participationPercent,
    BigDecimal circuitPercent,
    FeeRates fees,
    boolean durable,
    boolean journal) {

  /** The settings the descriptor declares: execution first, then the fee schedule. */
  static List<ParameterSpec> specs() {
    List<ParameterSpec> specs = new ArrayList<>();
    specs.add(
        ParameterSpec.decimal(
            "slippageBps",
            "How far fills move against you, in basis points (10 = 0.1%)",
            0,
            0,
            500));
    specs.add(
        ParameterSpec.integer(
            "latencyMillis",
            "Milliseconds before an order reaches the simulated exchange; it fills only from"
                + " quotes stamped at least that long after placement",
            0,
            0,
            60_000));
    specs.add(
        ParameterSpec.decimal(
            "participationPercent",
            "Share of the volume traded between two quotes that a resting order may fill, in %",
            100,
            1,
            100));
    specs.add(
        ParameterSpec.decimal(
            "circuitPercent",
            "Circuit band either side of the day's first quote, in %; prices outside are rejected",
            20,
            1,
            100));
    specs.addAll(FeeRates.specs());
    specs.add(
        ParameterSpec.bool(
            "durable",
            "Force every order-book change to disk before acting on it (turn off only for"
                + " throw-away books such as backtests)",
            true));
    specs.add(
        ParameterSpec.bool(
            "journal",
            "Keep the order book in a file so it survives a restart (turn off only for throw-away"
                + " books such as backtests: the book then lives in memory only)",
            true));
    return List.copyOf(specs);
  }

  static PaperSettings from(Parameters settings) {
    return new PaperSettings(
        settings.getDecimal("slippageBps"),
        Duration.ofMillis(settings.getInteger("latencyMillis")),
        BigDecimal.valueOf(settings.getDecimal("participationPercent")),
        BigDecimal.valueOf(settings.getDecimal("circuitPercent")),
        FeeRates.from(settings),
        settings.getBoolean("durable"),
        settings.getBoolean("journal"));
  }
}
