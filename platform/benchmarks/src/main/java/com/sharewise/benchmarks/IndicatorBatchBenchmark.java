package com.sharewise.benchmarks;

import com.sharewise.api.indicator.BarArrays;
import com.sharewise.api.indicator.BatchIndicator;
import com.sharewise.api.indicator.IndicatorProvider;
import com.sharewise.api.market.Bar;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Timeframe;
import com.sharewise.api.param.Parameters;
import com.sharewise.indicatorengine.IndicatorEngine;
import com.sharewise.indicatorengine.IndicatorSeries;
import com.sharewise.indicators.internal.MacdIndicatorProvider;
import com.sharewise.indicators.internal.RsiIndicatorProvider;
import com.sharewise.indicators.internal.SmaIndicatorProvider;
import com.sharewise.pluginhost.PluginService;
import com.sharewise.pluginhost.PluginServiceListener;
import com.sharewise.pluginhost.PluginServices;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.Num;

/**
 * SMA(50) + RSI(14) + MACD(12,26,9) over 1,000,000 one-minute bars, three ways in one run (so the
 * ratios hold on whatever machine runs it):
 *
 * <ul>
 *   <li>{@code engine}: {@link IndicatorEngine#compute} with the indicator pack's batch path, from
 *       a {@code List<Bar>} (the conversion to arrays is included, three times);
 *   <li>{@code batch}: the providers' {@link BatchIndicator#compute} on ready arrays;
 *   <li>{@code ta4j}: plain ta4j 0.22 with {@code DoubleNum} ({@code SMAIndicator}, {@code
 *       RSIIndicator}, {@code MACDIndicator} and an {@code EMAIndicator} of it as the signal),
 *       reading every value, over a series built beforehand; building the series is measured
 *       separately.
 * </ul>
 *
 * Each round runs the three in turn; the first rounds warm the JIT and are not counted.
 */
final class IndicatorBatchBenchmark implements Benchmark {

  private static final Logger LOG = LoggerFactory.getLogger(IndicatorBatchBenchmark.class);
  private static final int BARS = 1_000_000;
  private static final int WARMUP = 4;
  private static final int ROUNDS = 9;

  /** Defeats dead-code elimination: every value read is added here. */
  private double sink;

  @Override
  public String name() {
    return "indicators";
  }

  @Override
  public void run(Results results) {
    List<Bar> bars = bars(BARS, 42);
    IndicatorEngine engine = new IndicatorEngine(new Pack());
    BarArrays arrays = BarArrays.of(bars);
    List<Long> engineNanos = new ArrayList<>();
    List<Long> batchNanos = new ArrayList<>();
    List<Long> ta4jNanos = new ArrayList<>();
    List<Long> seriesNanos = new ArrayList<>();
    for (int round = 0; round < WARMUP + ROUNDS; round++) {
      long start = System.nanoTime();
      viaEngine(engine, bars);
      long engineDone = System.nanoTime();
      viaBatch(arrays);
      long batchDone = System.nanoTime();
      BarSeries series = IndicatorEngine.series(bars);
      long built = System.nanoTime();
      viaTa4j(series);
      long ta4jDone = System.nanoTime();
      LOG.atInfo()
          .addKeyValue("round", round)
          .addKeyValue("engineMs", (engineDone - start) / 1_000_000)
          .addKeyValue("batchMs", (batchDone - engineDone) / 1_000_000)
          .addKeyValue("ta4jSeriesMs", (built - batchDone) / 1_000_000)
          .addKeyValue("ta4jMs", (ta4jDone - built) / 1_000_000)
          .log("indicator round");
      if (round >= WARMUP) {
        engineNanos.add(engineDone - start);
        batchNanos.add(batchDone - engineDone);
        seriesNanos.add(built - batchDone);
        ta4jNanos.add(ta4jDone - built);
      }
    }
    Stats engineStats = Stats.ofNanos(engineNanos);
    Stats ta4jStats = Stats.ofNanos(ta4jNanos);
    results.add(
        "indicators.engineBatch",
        "SMA(50)+RSI(14)+MACD(12,26,9), 1M bars, IndicatorEngine batch path from List<Bar>",
        engineStats);
    results.add(
        "indicators.providerBatch",
        "SMA(50)+RSI(14)+MACD(12,26,9), 1M bars, BatchIndicator.compute on ready arrays",
        Stats.ofNanos(batchNanos));
    results.add(
        "indicators.ta4jDoubleNum",
        "SMA(50)+RSI(14)+MACD(12,26,9)+signal, 1M bars, plain ta4j DoubleNum, every value read",
        ta4jStats);
    results.add(
        "indicators.ta4jSeriesBuild",
        "building the 1M-bar ta4j DoubleNum series (not in the ta4j figure)",
        Stats.ofNanos(seriesNanos));
    results.addValue(
        "indicators.ta4jOverEngine",
        "median plain ta4j time / median engine batch time, same run",
        Math.round(ta4jStats.medianMs() / engineStats.medianMs() * 10) / 10.0,
        "×");
    LOG.atInfo().addKeyValue("sink", sink).log("indicator benchmark done");
  }

  private void viaEngine(IndicatorEngine engine, List<Bar> bars) {
    IndicatorSeries sma = engine.compute("sma", bars, Map.of("period", "50"));
    IndicatorSeries rsi = engine.compute("rsi", bars, Map.of("period", "14"));
    IndicatorSeries macd = engine.compute("macd", bars, Map.of());
    sink += last(sma.values().get("value")) + last(rsi.values().get("value"));
    sink += last(macd.values().get("histogram"));
  }

  private void viaBatch(BarArrays arrays) {
    sink += last(compute(new SmaIndicatorProvider(), arrays, Map.of("period", "50"))[0]);
    sink += last(compute(new RsiIndicatorProvider(), arrays, Map.of("period", "14"))[0]);
    sink += last(compute(new MacdIndicatorProvider(), arrays, Map.of())[2]);
  }

  private static double[][] compute(
      IndicatorProvider provider, BarArrays arrays, Map<String, String> given) {
    Parameters parameters = Parameters.resolve(provider.descriptor().parameters(), given);
    return ((BatchIndicator) provider).compute(arrays, parameters);
  }

  private void viaTa4j(BarSeries series) {
    ClosePriceIndicator close = new ClosePriceIndicator(series);
    SMAIndicator sma = new SMAIndicator(close, 50);
    RSIIndicator rsi = new RSIIndicator(close, 14);
    MACDIndicator macd = new MACDIndicator(close, 12, 26);
    EMAIndicator signal = new EMAIndicator(macd, 9);
    double sum = 0;
    for (int i = 0; i < series.getBarCount(); i++) {
      sum += value(sma, i) + value(rsi, i) + value(macd, i) + value(signal, i);
    }
    sink += sum;
  }

  private static double value(Indicator<Num> indicator, int index) {
    Num value = indicator.getValue(index);
    return Num.isNaNOrNull(value) ? 0 : value.doubleValue();
  }

  private static double last(double[] values) {
    return values[values.length - 1];
  }

  /** A seeded random walk of one-minute bars, 375 per NSE session. */
  static List<Bar> bars(int n, long seed) {
    InstrumentId infy = InstrumentId.parse("NSE:INFY");
    Instant firstOpen = Instant.parse("2020-01-01T03:45:00Z");
    Random random = new Random(seed);
    List<Bar> bars = new ArrayList<>(n);
    double price = 1500;
    for (int i = 0; i < n; i++) {
      Instant open = firstOpen.plus(Duration.ofDays(i / 375)).plus(Duration.ofMinutes(i % 375));
      double close = Math.max(1, Math.round((price + random.nextGaussian() * 2) * 20) / 20.0);
      double high = Math.max(price, close) + Math.round(random.nextDouble() * 30) / 20.0;
      double low =
          Math.max(0.05, Math.min(price, close) - Math.round(random.nextDouble() * 30) / 20.0);
      bars.add(
          new Bar(infy, Timeframe.M1, open, price, high, low, close, 100 + random.nextInt(9_900)));
      price = close;
    }
    return bars;
  }

  /** The indicator pack's providers, as the plugin host would list them. */
  private static final class Pack implements PluginServices<IndicatorProvider> {
    private final List<PluginService<IndicatorProvider>> services =
        List.of(
            new PluginService<>("com.sharewise.indicators", "bench", 1, new SmaIndicatorProvider()),
            new PluginService<>("com.sharewise.indicators", "bench", 2, new RsiIndicatorProvider()),
            new PluginService<>(
                "com.sharewise.indicators", "bench", 3, new MacdIndicatorProvider()));

    @Override
    public Class<IndicatorProvider> type() {
      return IndicatorProvider.class;
    }

    @Override
    public List<PluginService<IndicatorProvider>> snapshot() {
      return services;
    }

    @Override
    public void addListener(PluginServiceListener<IndicatorProvider> listener) {
      services.forEach(listener::added);
    }

    @Override
    public void removeListener(PluginServiceListener<IndicatorProvider> listener) {}

    @Override
    public void close() {}
  }
}
