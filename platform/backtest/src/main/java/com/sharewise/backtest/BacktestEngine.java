package com.sharewise.backtest;

import com.sharewise.api.broker.BrokerAdapterFactory;
import com.sharewise.api.market.Bar;
import com.sharewise.api.market.Instrument;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Timeframe;
import com.sharewise.api.param.ParameterException;
import com.sharewise.api.param.Parameters;
import com.sharewise.api.strategy.Signal;
import com.sharewise.api.strategy.StrategyFactory;
import com.sharewise.api.trading.AccountRef;
import com.sharewise.backtest.internal.BarQuotes;
import com.sharewise.backtest.internal.Desk;
import com.sharewise.backtest.internal.InstrumentIndex;
import com.sharewise.backtest.internal.Ledger;
import com.sharewise.backtest.internal.Replay;
import com.sharewise.backtest.internal.SimulatedClock;
import com.sharewise.backtest.metrics.Annualisation;
import com.sharewise.backtest.metrics.EquityCurve;
import com.sharewise.backtest.metrics.PerformanceAnalyzer;
import com.sharewise.backtest.metrics.PerformanceReport;
import com.sharewise.orders.algo.VolumeProfile;
import com.sharewise.strategies.LiveSignalFacts;
import com.sharewise.strategies.RoutedSignal;
import com.sharewise.strategies.SignalRouter;
import com.sharewise.strategies.StrategyRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Replays stored bars under a simulated clock through the same code live trading runs: the strategy
 * plugin's instance in a {@link StrategyRunner}, its signals through the signal rules and the
 * {@link SignalRouter}, orders through the one order path (risk and workflow rules, execution
 * algorithms) to the real paper broker, which fills them against a quote made from each bar's close
 * with its slippage and fees.
 *
 * <h2>Per bar</h2>
 *
 * The clock moves to the bar's end; the bar becomes its instrument's quote (the paper broker's
 * resting orders fill against it); its close marks the positions; the strategy gets the bar; any
 * signals it emitted are routed; due algorithm slices run; once all bars of that time are done the
 * equity (cash plus positions at their closes) becomes a point of the curve. Nothing but the
 * strategy's own bar is allocated on a bar without a signal.
 *
 * <h2>Deterministic</h2>
 *
 * The same spec, bars and settings give the same orders, fills, trades and metrics: time comes only
 * from the bars, order ids from a seeded generator, and everything runs on the calling thread.
 *
 * <p>Thread-safe: each {@link #run} builds its own desk, so runs may go in parallel (optimisation).
 */
public final class BacktestEngine {

  /**
   * What every run of this engine uses.
   *
   * @param paper the paper broker plugin's factory
   * @param instruments reference data; instruments it does not know trade as NSE equities (tick
   *     0.05, lot 1)
   * @param volumes intraday volume profile for VWAP orders
   * @param workDirectory where each run's throw-away paper broker state goes
   */
  public record Environment(
      BrokerAdapterFactory paper,
      Function<InstrumentId, Optional<Instrument>> instruments,
      VolumeProfile volumes,
      Path workDirectory) {
    public Environment {
      Objects.requireNonNull(paper, "paper");
      Objects.requireNonNull(instruments, "instruments");
      Objects.requireNonNull(volumes, "volumes");
      Objects.requireNonNull(workDirectory, "workDirectory");
    }
  }

  private static final String INSTANCE_ID = "backtest";

  private final Environment environment;
  private final EngineSettings settings;
  private final Function<InstrumentId, Optional<Instrument>> instruments;

  public BacktestEngine(Environment environment, EngineSettings settings) {
    this.environment = Objects.requireNonNull(environment, "environment");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.instruments = Instruments.withDefaults(environment.instruments());
  }

  public EngineSettings settings() {
    return settings;
  }

  /**
   * Checks a spec's strategy parameters and broker settings without running anything.
   *
   * @return the resolved parameter values
   * @throws BacktestException.Invalid naming the parameter or setting
   */
  public Parameters validate(BacktestSpec spec) {
    return parameters(spec.strategy(), spec.parameters());
  }

  /**
   * Checks an account's paper broker settings without running anything.
   *
   * @throws BacktestException.Invalid naming the setting ({@code brokerSettings.<name>})
   */
  public void validateBroker(PaperAccount account) {
    Desk.settings(environment.paper(), account);
  }

  /**
   * Runs one backtest on the calling thread.
   *
   * @throws BacktestException.Invalid for a bad parameter or broker setting, or bars out of order
   * @throws BacktestException.NoBars when an instrument (or the benchmark) has no bars
   * @throws BacktestException.Failed when the strategy fails or the account is ruined
   * @throws BacktestException.Cancelled when the observer cancels it
   */
  public BacktestResult run(BacktestSpec spec, BarSet bars, BacktestObserver observer) {
    Parameters parameters = validate(spec);
    Market market = spec.market();
    requireBars(market, bars);
    InstrumentIndex index = new InstrumentIndex(market.instruments());
    Replay replay = Replay.of(index, market.timeframe(), bars.primary(), bars.extra());
    SimulatedClock clock = new SimulatedClock(replay.openMillis(0));
    Function<InstrumentId, Optional<Instrument>> instruments =
        Instruments.remembered(this.instruments);
    BarQuotes quotes = new BarQuotes(index, halfTicks(index, instruments));
    PaperAccount account = spec.account();
    Ledger ledger = new Ledger(index, account.accountId(), account.initialCapital().doubleValue());
    Desk.Parts parts =
        new Desk.Parts(
            clock,
            quotes,
            instruments,
            spec.gates().risk(),
            environment.paper(),
            environment.volumes(),
            environment.workDirectory(),
            settings.seed());
    long started = System.nanoTime();
    try (Desk desk = new Desk(parts, account)) {
      desk.orders().addListener(ledger);
      SignalRouter router =
          new SignalRouter(
              spec.gates().signals(),
              desk.orders(),
              instruments,
              new LiveSignalFacts(desk.accounts(), quotes, desk.portfolio(), clock, true));
      List<Signal> pending = new ArrayList<>();
      StrategyRunner runner =
          new StrategyRunner(
              new StrategyRunner.Spec(
                  INSTANCE_ID,
                  new AccountRef(Long.toString(account.accountId())),
                  spec.strategy(),
                  parameters,
                  market.instruments(),
                  market.timeframe()),
              new StrategyRunner.Limits(settings.maximumBarCount(), settings.timeBudget()),
              clock,
              pending::add);
      warmUp(runner, bars.warmUp());
      if (!runner.start()) {
        throw failed(runner);
      }
      Loop loop = new Loop(replay, clock, quotes, ledger, runner, desk);
      List<RoutedSignal> routed =
          loop.run(
              pending,
              signal -> router.route(account.accountId(), signal),
              observer,
              settings.progressEvery());
      runner.stop();
      EquityCurve equity = loop.curve();
      EquityCurve benchmark = benchmarkCurve(equity, bars.benchmark(), market.timeframe());
      PerformanceAnalyzer analyzer = analyzer(market.timeframe());
      PerformanceReport report =
          benchmark.isEmpty()
              ? analyzer.analyse(equity, ledger.trades())
              : analyzer.analyse(equity, ledger.trades(), benchmark);
      long orders = routed.stream().filter(r -> !r.orderId().isEmpty()).count();
      return new BacktestResult(
          report,
          equity,
          benchmark,
          ledger.trades(),
          desk.journal(),
          ledger.fills(),
          routed,
          new BacktestResult.Stats(
              replay.primaryCount(),
              runner.stats().bars(),
              runner.stats().signals(),
              orders,
              System.nanoTime() - started));
    }
  }

  /** The analyzer for a timeframe: periods per year from NSE sessions of 375 minutes. */
  public PerformanceAnalyzer analyzer(Timeframe timeframe) {
    return new PerformanceAnalyzer(annualisation(timeframe, settings.riskFreeRate()));
  }

  /** Bar periods per year: 252 sessions, each of ceil(375 minutes / bar length) bars. */
  public static Annualisation annualisation(Timeframe timeframe, double riskFreeRate) {
    long minutes = timeframe.duration().toMinutes();
    double perSession = timeframe == Timeframe.D1 ? 1 : Math.ceil(375.0 / minutes);
    return Annualisation.of(perSession * Annualisation.TRADING_DAYS_PER_YEAR)
        .withRiskFreeRate(riskFreeRate);
  }

  private Parameters parameters(StrategyFactory factory, java.util.Map<String, String> given) {
    try {
      Parameters resolved = Parameters.resolve(factory.descriptor().parameters(), given);
      factory.validate(resolved);
      return resolved;
    } catch (ParameterException e) {
      throw new BacktestException.Invalid(e.parameter(), e.getMessage(), e);
    }
  }

  private static void requireBars(Market market, BarSet bars) {
    for (InstrumentId instrument : market.instruments()) {
      if (bars.primary().getOrDefault(instrument, List.of()).isEmpty()) {
        throw new BacktestException.NoBars(
            "no " + market.timeframe().label() + " bars of " + instrument + " in the range");
      }
    }
    if (market.benchmark().isPresent() && bars.benchmark().isEmpty()) {
      throw new BacktestException.NoBars(
          "no "
              + market.timeframe().label()
              + " bars of the benchmark "
              + market.benchmark().get()
              + " in the range");
    }
  }

  private static double[] halfTicks(
      InstrumentIndex index, Function<InstrumentId, Optional<Instrument>> instruments) {
    double[] half = new double[index.size()];
    for (int i = 0; i < half.length; i++) {
      half[i] = instruments.apply(index.get(i)).orElseThrow().tickSize().doubleValue() / 2;
    }
    return half;
  }

  private static void warmUp(StrategyRunner runner, List<Bar> history) {
    List<Bar> ordered = new ArrayList<>(history);
    ordered.sort(
        Comparator.comparing(Bar::endTime)
            .thenComparing(b -> -b.timeframe().ordinal())
            .thenComparing(b -> b.instrument().toString()));
    ordered.forEach(runner::warmUp);
  }

  static BacktestException.Failed failed(StrategyRunner runner) {
    StrategyRunner.Failure failure =
        runner.failure().orElse(new StrategyRunner.Failure("the strategy stopped", null));
    return new BacktestException.Failed(
        "the strategy failed: " + failure.message(), failure.cause());
  }

  /**
   * The benchmark's close at each point of {@code equity}: the latest bar closed by then, or its
   * first bar's close before that.
   */
  static EquityCurve benchmarkCurve(EquityCurve equity, List<Bar> bars, Timeframe timeframe) {
    if (bars.isEmpty()) {
      return EquityCurve.builder(0).build();
    }
    long length = timeframe.duration().toMillis();
    EquityCurve.Builder curve = EquityCurve.builder(equity.size());
    int next = 0;
    double close = bars.get(0).close();
    for (int i = 0; i < equity.size(); i++) {
      long t = equity.timeMillis(i);
      while (next < bars.size() && bars.get(next).openTime().toEpochMilli() + length <= t) {
        close = bars.get(next).close();
        next++;
      }
      curve.append(t, close);
    }
    return curve.build();
  }
}
