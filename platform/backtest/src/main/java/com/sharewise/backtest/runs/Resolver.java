package com.sharewise.backtest.runs;

import com.sharewise.api.market.Instrument;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Timeframe;
import com.sharewise.api.strategy.StrategyFactory;
import com.sharewise.backtest.BacktestEngine;
import com.sharewise.backtest.BacktestException;
import com.sharewise.backtest.BacktestGates;
import com.sharewise.backtest.BacktestSpec;
import com.sharewise.backtest.Market;
import com.sharewise.backtest.PaperAccount;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks a {@link BacktestRequest} field by field and turns it into the engine's terms. Every
 * problem is a {@link BacktestException.Invalid} naming the field and what would be valid.
 */
final class Resolver {

  /** Capital when the request names none: ₹10,00,000. */
  static final BigDecimal DEFAULT_CAPITAL = new BigDecimal("1000000");

  private final StrategyCatalog strategies;
  private final Function<InstrumentId, Optional<Instrument>> instruments;
  private final boolean requireKnownInstruments;

  /**
   * @param requireKnownInstruments refuse instruments the reference data does not know (the node);
   *     the command line trades anything as an NSE equity
   */
  Resolver(
      StrategyCatalog strategies,
      Function<InstrumentId, Optional<Instrument>> instruments,
      boolean requireKnownInstruments) {
    this.strategies = strategies;
    this.instruments = instruments;
    this.requireKnownInstruments = requireKnownInstruments;
  }

  Prepared resolve(BacktestRequest r, long ownerId, BacktestGates gates, BacktestEngine engine) {
    StrategyFactory factory = strategy(r.strategy());
    List<InstrumentId> traded = new ArrayList<>();
    for (String text : r.instruments()) {
      traded.add(instrument("instruments", text));
    }
    if (traded.isEmpty()) {
      throw new BacktestException.Invalid(
          "instruments", "instruments is required: at least one, e.g. [\"NSE:INFY\"]");
    }
    Timeframe timeframe = timeframe(r.timeframe());
    Optional<InstrumentId> benchmark =
        r.benchmark() == null || r.benchmark().isBlank()
            ? Optional.empty()
            : Optional.of(instrument("benchmark", r.benchmark()));
    if (r.from() == null || r.to() == null) {
      throw new BacktestException.Invalid(
          r.from() == null ? "from" : "to", "from and to are required (ISO-8601 instants)");
    }
    if (!r.from().isBefore(r.to())) {
      throw new BacktestException.Invalid("to", "to must be after from");
    }
    BigDecimal capital = r.initialCapital() == null ? DEFAULT_CAPITAL : r.initialCapital();
    if (capital.signum() <= 0) {
      throw new BacktestException.Invalid("initialCapital", "initialCapital must be positive");
    }
    double riskFree = r.riskFreeRate() == null ? 0 : r.riskFreeRate();
    if (!(riskFree > -1 && riskFree < 1)) {
      throw new BacktestException.Invalid(
          "riskFreeRate", "riskFreeRate is an annual fraction between -1 and 1, e.g. 0.065");
    }
    int warmUp = r.warmUpBars() == null ? 0 : r.warmUpBars();
    if (warmUp < 0 || warmUp > 100_000) {
      throw new BacktestException.Invalid("warmUpBars", "warmUpBars must be 0 to 100000");
    }
    long accountId = r.accountId() == null ? 0 : r.accountId();
    BacktestSpec spec =
        new BacktestSpec(
            factory,
            r.parameters(),
            new Market(traded, timeframe, benchmark),
            new PaperAccount(accountId, ownerId, capital, r.brokerSettings()),
            gates);
    engine.validate(spec);
    engine.validateBroker(spec.account());
    return new Prepared(spec, r.from(), r.to(), warmUp, riskFree);
  }

  StrategyFactory strategy(String id) {
    if (id == null || id.isBlank()) {
      throw new BacktestException.Invalid(
          "strategy", "strategy is required; installed: " + String.join(", ", strategies.ids()));
    }
    return strategies
        .find(id.trim())
        .orElseThrow(
            () ->
                new BacktestException.Invalid(
                    "strategy",
                    "unknown strategy '"
                        + id
                        + "'; installed: "
                        + String.join(", ", strategies.ids())));
  }

  private InstrumentId instrument(String field, String text) {
    InstrumentId id;
    try {
      id = InstrumentId.parse(text == null ? "" : text);
    } catch (IllegalArgumentException e) {
      throw new BacktestException.Invalid(field, e.getMessage(), e);
    }
    if (requireKnownInstruments && instruments.apply(id).isEmpty()) {
      throw new BacktestException.Invalid(field, "unknown instrument " + id);
    }
    return id;
  }

  private static Timeframe timeframe(String text) {
    if (text == null || text.isBlank()) {
      throw new BacktestException.Invalid(
          "timeframe", "timeframe is required; valid: " + Timeframe.validLabels());
    }
    try {
      return Timeframe.parse(text);
    } catch (IllegalArgumentException e) {
      throw new BacktestException.Invalid("timeframe", e.getMessage(), e);
    }
  }
}
