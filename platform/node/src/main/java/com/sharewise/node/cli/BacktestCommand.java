package com.sharewise.node.cli;

import com.sharewise.api.broker.BrokerAdapterFactory;
import com.sharewise.api.strategy.StrategyFactory;
import com.sharewise.backtest.BacktestException;
import com.sharewise.backtest.BacktestGates;
import com.sharewise.backtest.BacktestObserver;
import com.sharewise.backtest.BacktestResult;
import com.sharewise.backtest.cli.CommandLineBacktest;
import com.sharewise.backtest.cli.MetricsText;
import com.sharewise.backtest.cli.ShippedRules;
import com.sharewise.backtest.cli.SimpleGates;
import com.sharewise.backtest.runs.Metrics;
import com.sharewise.backtest.runs.StrategyCatalog;
import com.sharewise.node.config.ConfigException;
import com.sharewise.node.config.ConfigLoader;
import com.sharewise.node.config.NodeConfig;
import com.sharewise.pluginhost.PluginHost;
import com.sharewise.pluginhost.PluginHostConfig;
import com.sharewise.pluginhost.PluginService;
import com.sharewise.pluginhost.PluginServices;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/sharewise backtest}: one backtest of a strategy over a CSV file of bars, printing the
 * metrics. Uses the installed plugins (the strategy, the paper broker) from the plugins folder in a
 * private plugin host, so it works beside a running node; it reads no database, so signals are
 * sized by {@code --order-value} and no risk rules apply unless {@code --rules shipped} asks for
 * the rule packs the platform ships (a backtest through the API uses the node's active rule sets).
 * A progress bar goes to the terminal's standard error.
 */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    description =
        "Backtest a strategy over a CSV of bars (timestamp,open,high,low,close,volume) and print"
            + " the metrics.")
final class BacktestCommand implements Callable<Integer> {

  static final int EXIT_BAD_INPUT = 2;
  static final int EXIT_FAILED = 1;

  @Option(names = "--strategy", required = true, description = "strategy id, e.g. sma-crossover")
  String strategy;

  @Option(names = "--instrument", required = true, description = "EXCHANGE:SYMBOL, e.g. NSE:INFY")
  String instrument;

  @Option(names = "--timeframe", defaultValue = "1m", description = "bar length (default 1m)")
  String timeframe;

  @Option(names = "--data", required = true, description = "CSV file of the bars")
  Path data;

  @Option(
      names = "--param",
      description = "a strategy parameter, name=value (repeat for more)",
      mapFallbackValue = "")
  Map<String, String> parameters = new LinkedHashMap<>();

  @Option(
      names = "--broker",
      description = "a paper broker setting, name=value, e.g. slippageBps=5 (repeat for more)")
  Map<String, String> broker = new LinkedHashMap<>();

  @Option(
      names = "--capital",
      defaultValue = "1000000",
      description = "initial capital in rupees (default 1000000)")
  BigDecimal capital;

  @Option(
      names = "--order-value",
      defaultValue = "100000",
      description = "rupees each entry signal's order is worth (default 100000)")
  double orderValue;

  @Option(
      names = "--rules",
      defaultValue = "none",
      description =
          "none (default): entries sized by --order-value, every order approved; shipped: the"
              + " signal, risk and workflow rule packs a new node starts with, default limits")
  String rules;

  @Option(names = "--benchmark", description = "benchmark instrument, EXCHANGE:SYMBOL")
  String benchmark;

  @Option(names = "--benchmark-data", description = "CSV file of the benchmark's bars")
  Path benchmarkData;

  @Option(names = "--plugins", description = "plugins folder (default: the installation's)")
  Path plugins;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!rules.equals("none") && !rules.equals("shipped")) {
      err.println("--rules: '" + rules + "' is neither none nor shipped");
      return EXIT_BAD_INPUT;
    }
    if ((benchmark == null) != (benchmarkData == null)) {
      err.println("--benchmark and --benchmark-data go together");
      return EXIT_BAD_INPUT;
    }
    quietPluginHost();
    Path work = Files.createTempDirectory("sharewise-backtest-");
    try (PluginHost host = host(work, err)) {
      if (host == null) {
        return EXIT_BAD_INPUT;
      }
      try (PluginServices<StrategyFactory> strategies = host.track(StrategyFactory.class);
          PluginServices<BrokerAdapterFactory> brokers = host.track(BrokerAdapterFactory.class)) {
        Optional<BrokerAdapterFactory> paper =
            brokers.snapshot().stream()
                .map(PluginService::service)
                .filter(f -> f.descriptor().id().equals("paper"))
                .findFirst();
        if (paper.isEmpty()) {
          err.println("the paper broker plugin is not installed in " + pluginsFolder());
          return EXIT_BAD_INPUT;
        }
        CommandLineBacktest backtest =
            new CommandLineBacktest(catalog(strategies), paper.get(), work.resolve("run"));
        return run(backtest, out, err);
      }
    } finally {
      deleteQuietly(work);
    }
  }

  private int run(CommandLineBacktest backtest, PrintWriter out, PrintWriter err)
      throws IOException {
    // a backtest on a busy machine must not fail orders closed for time: 5 s per evaluation
    BacktestGates gates =
        rules.equals("shipped")
            ? ShippedRules.gates(Duration.ofSeconds(5))
            : new SimpleGates(orderValue).gates();
    ProgressBar bar = new ProgressBar(err, System.console() != null);
    try {
      BacktestResult result =
          backtest.run(
              new CommandLineBacktest.Options(
                  strategy,
                  parameters,
                  instrument,
                  timeframe,
                  data,
                  CommandLineBacktest.account(capital, broker),
                  gates,
                  benchmark == null
                      ? Optional.empty()
                      : Optional.of(new CommandLineBacktest.Benchmark(benchmark, benchmarkData))),
              bar);
      bar.finish();
      out.print(MetricsText.format(Metrics.of(result)));
      out.flush();
      return 0;
    } catch (BacktestException.Invalid e) {
      bar.finish();
      err.println(e.field() + ": " + e.getMessage());
      return EXIT_BAD_INPUT;
    } catch (BacktestException.NoBars e) {
      bar.finish();
      err.println(e.getMessage());
      return EXIT_BAD_INPUT;
    } catch (BacktestException e) {
      bar.finish();
      err.println("backtest failed: " + e.getMessage());
      return EXIT_FAILED;
    }
  }

  /** A private plugin host over the installation's plugins, with a throw-away bundle cache. */
  private PluginHost host(Path work, PrintWriter err) {
    Path systemBundles;
    try {
      NodeConfig config = ConfigLoader.load(Home.get(), Home.configFile(), System.getenv());
      systemBundles = config.plugins().systemBundlesDirectory();
    } catch (ConfigException e) {
      err.println("invalid configuration: " + e.getMessage());
      return null;
    }
    PluginHost host =
        new PluginHost(
            new PluginHostConfig(
                pluginsFolder(),
                work.resolve("felix-cache"),
                systemBundles,
                Duration.ofSeconds(30)));
    host.start();
    return host;
  }

  /** The plugin host's start-up lines would bury the metrics; its warnings still show. */
  private static void quietPluginHost() {
    for (String name : List.of("com.sharewise.pluginhost", "org.apache.felix")) {
      if (org.slf4j.LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
        logger.setLevel(ch.qos.logback.classic.Level.WARN);
      }
    }
  }

  private Path pluginsFolder() {
    return plugins != null ? plugins : PluginCommand.pluginsFolder();
  }

  private static StrategyCatalog catalog(PluginServices<StrategyFactory> factories) {
    List<StrategyFactory> all = factories.snapshot().stream().map(PluginService::service).toList();
    return StrategyCatalog.of(all);
  }

  private static void deleteQuietly(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a leftover temporary directory harms nothing
    }
  }

  /** Progress on one terminal line, redrawn in place; nothing when not on a terminal. */
  private static final class ProgressBar implements BacktestObserver {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final boolean terminal;
    private boolean drawn;

    ProgressBar(PrintWriter err, boolean terminal) {
      this.err = err;
      this.terminal = terminal;
    }

    @Override
    public void progress(long done, long total) {
      if (!terminal || total == 0) {
        return;
      }
      int filled = (int) (WIDTH * done / total);
      err.print(
          String.format(
              Locale.ROOT,
              "\r[%s%s] %3d%% %,d/%,d bars",
              "#".repeat(filled),
              " ".repeat(WIDTH - filled),
              100 * done / total,
              done,
              total));
      err.flush();
      drawn = true;
    }

    void finish() {
      if (drawn) {
        err.println();
        err.flush();
        drawn = false;
      }
    }
  }
}
