package com.sharewise.backtest.cli;

import com.sharewise.api.broker.BrokerAdapterFactory;
import com.sharewise.api.market.Bar;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Timeframe;
import com.sharewise.backtest.BacktestEngine;
import com.sharewise.backtest.BacktestException;
import com.sharewise.backtest.BacktestGates;
import com.sharewise.backtest.BacktestObserver;
import com.sharewise.backtest.BacktestResult;
import com.sharewise.backtest.BacktestSpec;
import com.sharewise.backtest.BarSet;
import com.sharewise.backtest.EngineSettings;
import com.sharewise.backtest.Market;
import com.sharewise.backtest.PaperAccount;
import com.sharewise.backtest.runs.StrategyCatalog;
import com.sharewise.orders.algo.VolumeProfile;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One backtest from files, as {@code bin/sharewise backtest} runs it: bars from a CSV file in the
 * contract's format, the strategy and paper broker from the installed plugins, the signal and risk
 * gates the caller picked ({@link SimpleGates} or {@link ShippedRules}: there is no database to
 * read the node's active rule sets from), everything else the engine the node uses.
 */
public final class CommandLineBacktest {

  /**
   * What to run.
   *
   * @param strategy the strategy's id
   * @param parameters parameter values by name
   * @param instrument the instrument the bars are of
   * @param timeframe their timeframe
   * @param data the bars CSV
   * @param account capital and paper broker settings
   * @param gates how signals become orders and which orders pass
   * @param benchmark the benchmark instrument and its bars CSV, or empty
   */
  public record Options(
      String strategy,
      Map<String, String> parameters,
      String instrument,
      String timeframe,
      Path data,
      PaperAccount account,
      BacktestGates gates,
      Optional<Benchmark> benchmark) {}

  /** A benchmark instrument and the file of its bars. */
  public record Benchmark(String instrument, Path data) {}

  private final StrategyCatalog strategies;
  private final BrokerAdapterFactory paper;
  private final Path workDirectory;

  public CommandLineBacktest(
      StrategyCatalog strategies, BrokerAdapterFactory paper, Path workDirectory) {
    this.strategies = strategies;
    this.paper = paper;
    this.workDirectory = workDirectory;
  }

  /**
   * Runs the backtest.
   *
   * @throws BacktestException.Invalid naming the bad option (strategy, parameter, instrument,
   *     timeframe, data) or the file's bad lines
   * @throws BacktestException.NoBars when the file holds no bars
   * @throws BacktestException.Failed when the strategy failed or the account was ruined
   * @throws IOException when a file cannot be read
   */
  public BacktestResult run(Options o, BacktestObserver observer) throws IOException {
    var factory =
        strategies
            .find(o.strategy())
            .orElseThrow(
                () ->
                    new BacktestException.Invalid(
                        "strategy",
                        "unknown strategy '"
                            + o.strategy()
                            + "'; installed: "
                            + String.join(", ", strategies.ids())));
    InstrumentId instrument = instrument("instrument", o.instrument());
    Timeframe timeframe;
    try {
      timeframe = Timeframe.parse(o.timeframe());
    } catch (IllegalArgumentException e) {
      throw new BacktestException.Invalid("timeframe", e.getMessage(), e);
    }
    BacktestEngine engine =
        new BacktestEngine(
            new BacktestEngine.Environment(
                paper, id -> Optional.empty(), VolumeProfile.EQUAL, workDirectory),
            EngineSettings.DEFAULTS);
    Optional<InstrumentId> benchmarkId =
        o.benchmark().map(b -> instrument("benchmark", b.instrument()));
    BacktestSpec spec =
        new BacktestSpec(
            factory,
            o.parameters(),
            new Market(List.of(instrument), timeframe, benchmarkId),
            o.account(),
            o.gates());
    engine.validate(spec); // a bad parameter is reported before the file is read
    engine.validateBroker(o.account());
    List<Bar> bars = read(o.data(), instrument, timeframe, "data");
    List<Bar> benchmark =
        o.benchmark().isPresent()
            ? read(o.benchmark().get().data(), benchmarkId.orElseThrow(), timeframe, "benchmark")
            : List.of();
    if (bars.isEmpty()) {
      throw new BacktestException.NoBars(o.data() + " holds no bars");
    }
    return engine.run(
        spec, new BarSet(Map.of(instrument, bars), List.of(), List.of(), benchmark), observer);
  }

  /** A default account: ₹10,00,000 and the paper broker's default settings. */
  public static PaperAccount account(BigDecimal capital, Map<String, String> brokerSettings) {
    return new PaperAccount(1, 1, capital, brokerSettings);
  }

  private static List<Bar> read(Path file, InstrumentId instrument, Timeframe tf, String field)
      throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return BarCsvFile.read(reader, instrument, tf);
    } catch (NoSuchFileException e) {
      throw new BacktestException.Invalid(field, "no such file: " + file, e);
    } catch (BacktestException.Invalid e) {
      throw new BacktestException.Invalid(field, file + ": " + e.getMessage(), e);
    }
  }

  private static InstrumentId instrument(String field, String text) {
    try {
      return InstrumentId.parse(text == null ? "" : text);
    } catch (IllegalArgumentException e) {
      throw new BacktestException.Invalid(field, e.getMessage(), e);
    }
  }
}
