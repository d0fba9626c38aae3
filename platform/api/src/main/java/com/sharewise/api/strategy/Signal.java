package com.sharewise.api.strategy;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Timeframe;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A strategy's intention, not yet an order: signal rules turn it into an order intent (or drop it),
 * risk rules then judge that intent.
 *
 * @param strategyInstanceId which strategy instance emitted it
 * @param instrument the instrument it concerns
 * @param timeframe the bar series that triggered it
 * @param action what the strategy wants
 * @param time the end time of the bar that triggered it ({@link
 *     com.sharewise.api.market.Bar#endTime()}), never wall time
 * @param price the reference price, normally the triggering bar's close
 * @param reason a short human-readable explanation shown to traders, e.g. {@code SMA(10) crossed
 *     above SMA(30)}
 * @param attributes indicator values and other facts signal rules may use, e.g. {@code rsi=28.4}
 */
public record Signal(
    String strategyInstanceId,
    InstrumentId instrument,
    Timeframe timeframe,
    SignalAction action,
    Instant time,
    double price,
    String reason,
    Map<String, String> attributes) {

  public Signal {
    Objects.requireNonNull(strategyInstanceId, "strategyInstanceId");
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(timeframe, "timeframe");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(time, "time");
    reason = reason == null ? "" : reason;
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }
}
