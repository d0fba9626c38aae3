package com.sharewise.backtest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sharewise.api.trading.OrderSide;
import com.sharewise.api.trading.OrderType;
import com.sharewise.backtest.BacktestException;
import com.sharewise.backtest.BacktestObserver;
import com.sharewise.backtest.BacktestResult;
import com.sharewise.backtest.runs.Metrics;
import com.sharewise.backtest.runs.StrategyCatalog;
import com.sharewise.broker.paper.internal.PaperBrokerFactory;
import com.sharewise.orders.Order;
import com.sharewise.strategy.smacrossover.internal.SmaCrossoverStrategyFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineBacktestTest {

  @TempDir Path dir;

  @Test
  void runsTheStrategyOverACsvFileAndPrintsItsMetrics() throws IOException {
    Path csv =
        csv(
            "timestamp,open,high,low,close,volume",
            "2025-01-06 09:15:00,104,104,104,104,1000",
            "2025-01-06 09:16:00,103,103,103,103,1000",
            "2025-01-06T09:17:00+05:30,102,102,102,102,1000",
            "2025-01-06 09:18:00,101,101,101,101,1000",
            "2025-01-06 09:19:00,100,100,100,100,1000",
            "2025-01-06 09:20:00,100,106,100,106,1000",
            "2025-01-06 09:21:00,106,107,106,107,1000",
            "2025-01-06 09:22:00,107,108,107,108,1000",
            "2025-01-06 09:23:00,108,108,100,100,1000",
            "2025-01-06T03:54:00Z,100,100,99,99,1000");

    BacktestResult result =
        cli().run(options(csv, Map.of("fast", "1", "slow", "3")), BacktestObserver.NONE);

    assertThat(result.trades()).hasSize(1);
    // ₹1,000 per entry at 106 → 9 shares
    assertThat(result.trades().get(0).quantity()).isEqualTo(9);
    String text = MetricsText.format(Metrics.of(result));
    assertThat(text)
        .contains("total return")
        .contains("Sharpe ratio")
        .contains("max drawdown")
        .contains("trades                    1")
        .contains("win rate                  0.00%");
  }

  @Test
  void withTheShippedRulesEntriesAreLimitOrdersSizedByTheSignalRules() throws IOException {
    Path csv =
        csv(
            "timestamp,open,high,low,close,volume",
            "2025-01-06 09:15:00,104,104,104,104,1000",
            "2025-01-06 09:16:00,103,103,103,103,1000",
            "2025-01-06 09:17:00,102,102,102,102,1000",
            "2025-01-06 09:18:00,101,101,101,101,1000",
            "2025-01-06 09:19:00,100,100,100,100,1000",
            "2025-01-06 09:20:00,100,106,100,106,1000",
            "2025-01-06 09:21:00,106,107,106,107,1000");
    CommandLineBacktest.Options options =
        new CommandLineBacktest.Options(
            "sma-crossover",
            Map.of("fast", "1", "slow", "3"),
            "NSE:INFY",
            "1m",
            csv,
            CommandLineBacktest.account(new BigDecimal("1000000"), Map.of()),
            ShippedRules.gates(Duration.ofSeconds(10)),
            Optional.empty());

    BacktestResult result = cli().run(options, BacktestObserver.NONE);

    // the shipped signal pack: a limit at the signal's price worth about ₹1,00,000 (not ₹1,000)
    Order entry = result.orders().get(0);
    assertThat(entry.side()).isEqualTo(OrderSide.BUY);
    assertThat(entry.type()).isEqualTo(OrderType.LIMIT);
    assertThat(entry.limitPrice()).isEqualByComparingTo("106");
    assertThat(entry.quantity()).isEqualTo(943);
  }

  @Test
  void namesAnUnknownStrategyAndListsTheInstalledOnes() throws IOException {
    Path csv = csv("timestamp,open,high,low,close,volume", "2025-01-06 09:15:00,1,1,1,1,1");
    CommandLineBacktest.Options options =
        new CommandLineBacktest.Options(
            "sma-crossing",
            Map.of(),
            "NSE:INFY",
            "1m",
            csv,
            CommandLineBacktest.account(new BigDecimal("100000"), Map.of()),
            new SimpleGates(1_000).gates(),
            Optional.empty());

    assertThatThrownBy(() -> cli().run(options, BacktestObserver.NONE))
        .isInstanceOfSatisfying(
            BacktestException.Invalid.class, e -> assertThat(e.field()).isEqualTo("strategy"))
        .hasMessage("unknown strategy 'sma-crossing'; installed: sma-crossover");
  }

  @Test
  void namesAParameterOutOfRangeBeforeReadingTheFile() {
    assertThatThrownBy(
            () ->
                cli()
                    .run(
                        options(dir.resolve("missing.csv"), Map.of("slow", "5000")),
                        BacktestObserver.NONE))
        .isInstanceOfSatisfying(
            BacktestException.Invalid.class, e -> assertThat(e.field()).isEqualTo("slow"));
  }

  @Test
  void listsTheBadLinesOfTheFile() throws IOException {
    Path csv =
        csv(
            "timestamp,open,high,low,close,volume",
            "2025-01-06 09:15:00,1,1,1,1,1",
            "yesterday,1,1,1,1,1",
            "2025-01-06 09:17:00,1,2,1,3,1");

    assertThatThrownBy(() -> cli().run(options(csv, Map.of()), BacktestObserver.NONE))
        .isInstanceOfSatisfying(
            BacktestException.Invalid.class, e -> assertThat(e.field()).isEqualTo("data"))
        .hasMessageContaining("line 3: timestamp 'yesterday'")
        .hasMessageContaining("line 4:");
  }

  @Test
  void saysSoWhenTheFileHoldsNoBars() throws IOException {
    Path csv = csv("timestamp,open,high,low,close,volume");

    assertThatThrownBy(() -> cli().run(options(csv, Map.of()), BacktestObserver.NONE))
        .isInstanceOf(BacktestException.NoBars.class)
        .hasMessageContaining("holds no bars");
  }

  private CommandLineBacktest cli() {
    return new CommandLineBacktest(
        StrategyCatalog.of(List.of(new SmaCrossoverStrategyFactory())),
        new PaperBrokerFactory(),
        dir.resolve("work"));
  }

  private static CommandLineBacktest.Options options(Path csv, Map<String, String> parameters) {
    return new CommandLineBacktest.Options(
        "sma-crossover",
        parameters,
        "NSE:INFY",
        "1m",
        csv,
        CommandLineBacktest.account(new BigDecimal("100000"), Map.of()),
        new SimpleGates(1_000).gates(),
        Optional.empty());
  }

  private Path csv(String... lines) throws IOException {
    Path file = Files.createTempFile(dir, "bars", ".csv");
    Files.write(file, List.of(lines));
    return file;
  }
}
