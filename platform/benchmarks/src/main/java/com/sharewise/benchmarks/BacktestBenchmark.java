package com.sharewise.benchmarks;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Ist;
import com.sharewise.api.market.Timeframe;
import com.sharewise.backtest.BacktestEngine;
import com.sharewise.backtest.BacktestGates;
import com.sharewise.backtest.BacktestObserver;
import com.sharewise.backtest.BacktestResult;
import com.sharewise.backtest.BacktestSpec;
import com.sharewise.backtest.BarSet;
import com.sharewise.backtest.EngineSettings;
import com.sharewise.backtest.Market;
import com.sharewise.backtest.PaperAccount;
import com.sharewise.backtest.cli.ShippedRules;
import com.sharewise.broker.paper.internal.PaperBrokerFactory;
import com.sharewise.orders.algo.VolumeProfile;
import com.sharewise.rules.Explanation;
import com.sharewise.rules.RiskContext;
import com.sharewise.rules.RiskGate;
import com.sharewise.rules.SignalContext;
import com.sharewise.rules.SignalGate;
import com.sharewise.rules.SignalVerdict;
import com.sharewise.rules.Verdict;
import com.sharewise.rules.model.OrderIntent;
import com.sharewise.rules.model.Outcome;
import com.sharewise.rules.model.PriceType;
import com.sharewise.rules.model.ProductType;
import com.sharewise.rules.model.SignalFact;
import com.sharewise.strategy.smacrossover.internal.SmaCrossoverStrategyFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBar;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * SMA(10)/SMA(30) crossover over 1,000,000 one-minute bars (a seeded random walk through NSE
 * sessions, generated here), three ways in one run so the ratios hold on any machine:
 *
 * <ul>
 *   <li>{@code fullPath}: {@link BacktestEngine} — the SMA crossover plugin in the strategy runner,
 *       every signal through the default signal rules (Drools), the order path with the default
 *       risk and workflow rules (Drools), the execution algorithm engine, the real paper broker
 *       (fees, slippage 5 bps) against a quote per bar, the equity curve and the metrics;
 *   <li>{@code fullPathJavaRules}: the same with signal and risk gates written in Java (entries 66
 *       shares at market, exits close the position, every order approved), to show what the Drools
 *       evaluations cost;
 *   <li>{@code ta4j}: bare ta4j 0.22 — a {@code DoubleNum} series built from the same bars and the
 *       same two ta4j rules run by {@code BarSeriesManager}, no orders, fees or metrics.
 * </ul>
 *
 * Each round runs all three; the first rounds warm the JIT and are not counted.
 */
final class BacktestBenchmark implements Benchmark {

  private static final Logger LOG = LoggerFactory.getLogger(BacktestBenchmark.class);
  private static final int BARS = 1_000_000;
  private static final int WARMUP = 2;
  private static final int ROUNDS = 5;
  private static final InstrumentId INFY = InstrumentId.parse("NSE:INFY");

  private long sink;

  @Override
  public String name() {
    return "backtest";
  }

  @Override
  public void run(Results results) throws IOException {
    List<Bar> bars = bars(BARS, 42);
    Path work = Files.createTempDirectory("sharewise-backtest-bench");
    BacktestEngine engine =
        new BacktestEngine(
            new BacktestEngine.Environment(
                new PaperBrokerFactory(), id -> Optional.empty(), VolumeProfile.EQUAL, work),
            EngineSettings.DEFAULTS);
    BacktestGates drools = ShippedRules.gates(Duration.ofMillis(50));
    BacktestGates java = new BacktestGates(new JavaSignals(), new ApproveAll());
    List<Long> full = new ArrayList<>();
    List<Long> fullJava = new ArrayList<>();
    List<Long> bare = new ArrayList<>();
    BacktestResult last = null;
    for (int round = 0; round < WARMUP + ROUNDS; round++) {
      long t0 = System.nanoTime();
      last = engine.run(spec(drools), BarSet.of(INFY, bars), BacktestObserver.NONE);
      long t1 = System.nanoTime();
      BacktestResult javaResult =
          engine.run(spec(java), BarSet.of(INFY, bars), BacktestObserver.NONE);
      long t2 = System.nanoTime();
      sink += ta4j(bars);
      long t3 = System.nanoTime();
      sink += javaResult.trades().size();
      LOG.atInfo()
          .addKeyValue("round", round)
          .addKeyValue("fullPathMs", (t1 - t0) / 1_000_000)
          .addKeyValue("fullPathJavaRulesMs", (t2 - t1) / 1_000_000)
          .addKeyValue("ta4jMs", (t3 - t2) / 1_000_000)
          .addKeyValue("signals", last.stats().signals())
          .addKeyValue("orders", last.orders().size())
          .addKeyValue("trades", last.trades().size())
          .log("backtest round");
      if (round >= WARMUP) {
        full.add(t1 - t0);
        fullJava.add(t2 - t1);
        bare.add(t3 - t2);
      }
    }
    Stats fullStats = Stats.ofNanos(full);
    Stats javaStats = Stats.ofNanos(fullJava);
    Stats bareStats = Stats.ofNanos(bare);
    results.add(
        "backtest.fullPath",
        "SMA 10/30, 1M 1m bars: runner + Drools signal/risk/workflow rules + order path + paper"
            + " fills + equity + metrics",
        fullStats);
    results.add(
        "backtest.fullPathJavaRules",
        "the same with signal and risk gates in Java instead of Drools",
        javaStats);
    results.add(
        "backtest.ta4jBarSeriesManager",
        "the same crossover rules, bare ta4j DoubleNum series + BarSeriesManager",
        bareStats);
    results.addValue(
        "backtest.barsPerSecond",
        "full path, median (goal ≥ 1,700,000)",
        perSecond(fullStats),
        "bars/s");
    results.addValue(
        "backtest.barsPerSecondJavaRules",
        "full path with Java gates, median",
        perSecond(javaStats),
        "bars/s");
    results.addValue(
        "backtest.ta4jBarsPerSecond", "bare ta4j loop, median", perSecond(bareStats), "bars/s");
    results.addValue(
        "backtest.ta4jOverFullPath",
        "bare ta4j bars/s / full path bars/s, same run",
        Math.round(perSecond(bareStats) / perSecond(fullStats) * 100) / 100.0,
        "×");
    results.addValue(
        "backtest.signals",
        "signals in the 1M bars (each passes the rules; entries that pass become orders)",
        last.stats().signals(),
        "signals");
    results.addValue(
        "backtest.orders", "orders placed in the full path", last.orders().size(), "orders");
    LOG.atInfo().addKeyValue("sink", sink).log("backtest benchmark done");
  }

  private static double perSecond(Stats stats) {
    return Math.round(BARS / (stats.medianMs() / 1000.0));
  }

  private static BacktestSpec spec(BacktestGates gates) {
    return new BacktestSpec(
        new SmaCrossoverStrategyFactory(),
        Map.of("fast", "10", "slow", "30"),
        new Market(List.of(INFY), Timeframe.M1, Optional.empty()),
        // ₹10 crore: four years of minute-bar crossovers at ₹1,00,000 an order pay several
        // million in delivery charges and slippage, which would ruin a smaller account
        new PaperAccount(1, 1, new BigDecimal("100000000"), Map.of("slippageBps", "5")),
        gates);
  }

  /** The same strategy as plain ta4j: series built from the bars, run by BarSeriesManager. */
  private static long ta4j(List<Bar> bars) {
    BarSeries series =
        new BaseBarSeriesBuilder().withNumFactory(DoubleNumFactory.getInstance()).build();
    for (Bar bar : bars) {
      series.addBar(
          new BaseBar(
              bar.timeframe().duration(),
              bar.openTime(),
              bar.endTime(),
              DoubleNum.valueOf(bar.open()),
              DoubleNum.valueOf(bar.high()),
              DoubleNum.valueOf(bar.low()),
              DoubleNum.valueOf(bar.close()),
              DoubleNum.valueOf(bar.volume()),
              DoubleNum.valueOf(0),
              0));
    }
    ClosePriceIndicator close = new ClosePriceIndicator(series);
    SMAIndicator fast = new SMAIndicator(close, 10);
    SMAIndicator slow = new SMAIndicator(close, 30);
    TradingRecord record =
        new BarSeriesManager(series)
            .run(
                new BaseStrategy(
                    new CrossedUpIndicatorRule(fast, slow),
                    new CrossedDownIndicatorRule(fast, slow),
                    30));
    return record.getPositionCount();
  }

  /**
   * A seeded geometric random walk of one-minute bars on the 0.05 grid, 375 per session, weekdays
   * only.
   */
  static List<Bar> bars(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Bar> bars = new ArrayList<>(n);
    Instant day = Instant.parse("2021-01-04T03:45:00Z"); // a Monday, 09:15 IST
    double price = 1500;
    int minute = 0;
    for (int i = 0; i < n; i++) {
      if (minute == 375) {
        minute = 0;
        do {
          day = day.plus(Duration.ofDays(1));
        } while (weekend(day));
      }
      // geometric: about 20 % a year at 94,500 minutes a year, so the price stays positive
      double close =
          Math.max(0.05, Math.round(price * Math.exp(random.nextGaussian() * 0.0007) * 20) / 20.0);
      double high = Math.max(price, close) + random.nextInt(4) * 0.05;
      double low = Math.max(0.05, Math.min(price, close) - random.nextInt(4) * 0.05);
      bars.add(
          new Bar(
              INFY,
              Timeframe.M1,
              day.plusSeconds(60L * minute),
              price,
              high,
              low,
              close,
              500 + random.nextInt(5_000)));
      price = close;
      minute++;
    }
    return bars;
  }

  private static boolean weekend(Instant day) {
    DayOfWeek weekday = Ist.dayOfWeek(day.toEpochMilli());
    return weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY;
  }

  /** Entries: 66 shares at market (about the default pack's ₹1,00,000); exits close it. */
  private static final class JavaSignals implements SignalGate {
    @Override
    public SignalVerdict evaluate(SignalFact signal, SignalContext context) {
      long size =
          signal.entry()
              ? 66
              : context.position() == null ? 0 : Math.abs(context.position().quantity());
      if (size == 0) {
        return new SignalVerdict(
            "", Optional.empty(), "no position", "java", List.of(), Map.of(), List.of(), 0);
      }
      return new SignalVerdict(
          "",
          Optional.of(
              new OrderIntent(
                  "",
                  signal.accountId(),
                  signal.instrument(),
                  signal.side(),
                  size,
                  PriceType.MARKET,
                  0,
                  0,
                  ProductType.CNC,
                  signal.strategyId(),
                  signal.price())),
          "",
          "",
          List.of(),
          Map.of(),
          List.of(),
          0);
    }
  }

  /** Approves every order. */
  private static final class ApproveAll implements RiskGate {
    @Override
    public Verdict evaluate(OrderIntent intent, RiskContext context) {
      return new Verdict(
          "", Outcome.APPROVE, "", "", 0, 0, "DIRECT", "", List.of(), Map.of(), List.of(), 0);
    }

    @Override
    public Optional<Explanation> explain(String decisionId) {
      return Optional.empty();
    }
  }
}
