package com.sharewise.webui.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A trader runs the SMA crossover plugin in the browser against a real node: an instance is created
 * (a bad parameter combination is refused next to its field first), started and paused, its state
 * following each step; a backtest over bars imported through the API shows its metrics, equity and
 * drawdown charts and trades, after a range without bars is explained in words.
 */
class StrategiesAndBacktestsIT extends UiTestBase {

  private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

  /** Two sessions of one-minute bars, Monday 6 and Tuesday 7 January 2025, 09:15 to 15:30 IST. */
  private static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 6);

  private static final int BARS_PER_SESSION = 375;

  private static String trader;
  private static String password;
  private static String token;

  @BeforeAll
  static void aTrader() {
    assumeTrue(node.hasLogin(), "this node has no sign-in yet");
    String admin = node.token("admin", E2eNode.ADMIN_PASSWORD);
    assumeTrue(node.has("/api/v1/strategies", admin), "this node has no strategies yet");
    assumeTrue(node.has("/api/v1/backtests", admin), "this node has no backtests yet");
    trader = "stella";
    password = "stella-password-1";
    HttpResponse<String> created =
        node.call(
            "POST",
            "/api/v1/users",
            admin,
            "{\"username\":\""
                + trader
                + "\",\"password\":\""
                + password
                + "\",\"roles\":[\"TRADER\"]}");
    assertThat(created.statusCode()).as(created.body()).isIn(201, 409);
    token = node.token(trader, password);
    // the trader's first look at their accounts opens a paper account
    HttpResponse<String> accounts = node.call("GET", "/api/v1/accounts", token, null);
    assertThat(accounts.statusCode()).as(accounts.body()).isEqualTo(200);
  }

  private Locator dialog(String name) {
    return page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName(name));
  }

  private static Locator button(Locator in, String name) {
    // a substring of the accessible name ("Start INFY crossover (S-1)")
    return in.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name));
  }

  @Test
  void anSmaCrossoverInstanceIsCreatedStartedAndPaused() {
    openSignedIn("/strategies", trader, password);
    Locator types = page.locator("[data-strategy-type='sma-crossover']");
    assertThat(types).containsText("SMA crossover");
    assertThat(types.getByRole(AriaRole.TABLE)).containsText("fast");

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New strategy instance…"))
        .click();
    Locator form = dialog("New strategy instance");
    assertThat(form.getByLabel("Strategy", new Locator.GetByLabelOptions().setExact(true)))
        .hasValue("sma-crossover");
    // the schema's defaults fill the parameters
    Locator fast = form.locator("#si-p-fast");
    Locator slow = form.locator("#si-p-slow");
    assertThat(fast).hasValue("10");
    assertThat(slow).hasValue("30");
    form.getByLabel("Name").fill("INFY crossover");
    form.getByLabel("Instruments").fill("NSE:INFY");
    form.getByLabel("Timeframe").selectOption("1m");

    // out of range: said next to the field before anything is sent
    fast.fill("0");
    assertThat(form.locator("[data-param='fast'] .field-error")).hasText("fast must be at least 1");
    assertThat(fast).hasAttribute("aria-invalid", "true");

    // a combination only the strategy can judge: the node's 400 lands next to the named field
    fast.fill("40");
    button(form, "Create instance").click();
    assertThat(form.locator("[data-param='fast'] .field-error"))
        .containsText("must be less than slow");
    assertThat(fast).isFocused();
    Chromium.screenshot(page, "strategy-refused-parameter");

    fast.fill("5");
    slow.fill("20");
    assertThat(form.locator(".field-error")).hasCount(0);
    button(form, "Create instance").click();
    assertThat(form).isHidden();

    Locator row =
        page.locator("#strategy-instances tr[data-instance]")
            .filter(new Locator.FilterOptions().setHasText("INFY crossover"));
    assertThat(row).hasAttribute("data-state", "STOPPED");
    assertThat(row).containsText("NSE:INFY");
    assertThat(row).containsText("fast 5");
    assertThat(row.getByTestId("instance-state")).containsText("STOPPED");

    button(row, "Start INFY crossover").click();
    assertThat(row).hasAttribute("data-state", "RUNNING");
    // STARTING while its history loads, then RUNNING
    assertThat(row)
        .hasAttribute(
            "data-status",
            "RUNNING",
            new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
    assertThat(row.getByTestId("instance-state")).containsText("RUNNING");
    assertThat(button(row, "Start INFY crossover")).hasCount(0);
    Chromium.screenshot(page, "strategy-running");

    button(row, "Pause INFY crossover").click();
    assertThat(row).hasAttribute("data-state", "PAUSED");
    assertThat(row.getByTestId("instance-state")).containsText("PAUSED");
    assertThat(button(row, "Start INFY crossover")).isVisible();
    assertThat(button(row, "Pause INFY crossover")).hasCount(0);

    // the signals of the instance, live (none yet is fine): the panel is there for it
    button(row, "Signals of INFY crossover").click();
    assertThat(page.locator("#signals-instance")).hasValue(row.getAttribute("data-instance"));
    assertThat(page.locator("#signals")).containsText("Recent signals");
    Chromium.screenshot(page, "strategy-paused");

    // the node agrees
    String id = row.getAttribute("data-instance");
    HttpResponse<String> stored =
        node.call("GET", "/api/v1/strategies/instances/" + id, token, null);
    assertThat(E2eNode.json(stored.body()).path("state").asText()).isEqualTo("PAUSED");
    assertThat(unexpectedConsoleErrors()).isEmpty();
  }

  @Test
  void aBacktestOverImportedBarsShowsItsMetricsAndEquityCurve() {
    HttpResponse<String> imported = importBars("NSE:TCS", "1m", sessionsCsv());
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    assertThat(E2eNode.json(imported.body()).path("imported").asInt())
        .isEqualTo(2 * BARS_PER_SESSION);

    openSignedIn("/backtests", trader, password);
    Locator form =
        page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("New backtest"));
    assertThat(form.getByLabel("Strategy", new Locator.GetByLabelOptions().setExact(true)))
        .hasValue("sma-crossover");
    form.getByLabel("Instruments").fill("NSE:TCS");
    form.getByLabel("Timeframe").selectOption("1m");

    // a range without bars: said in words, with what to do
    form.getByLabel("From (IST)").fill("2020-01-06T09:15");
    form.getByLabel("To (IST)").fill("2020-01-08T09:15");
    button(form, "Run backtest").click();
    Locator noBars = form.getByTestId("no-bars");
    assertThat(noBars).containsText("No bars to test");
    assertThat(noBars).containsText("NSE:TCS");
    assertThat(noBars).containsText("Import bars");
    assertThat(noBars).hasAttribute("role", "alert");
    Chromium.screenshot(page, "backtest-no-bars");

    form.getByLabel("From (IST)").fill("2025-01-06T09:15");
    form.getByLabel("To (IST)").fill("2025-01-08T00:00");
    assertThat(noBars).hasCount(0);
    form.getByLabel("Capital (₹)").fill("1000000");
    form.locator("summary").click();
    form.getByLabel("Slippage (bps)").fill("2");
    form.locator("#bt-p-fast").fill("5");
    form.locator("#bt-p-slow").fill("20");
    button(form, "Run backtest").click();

    Locator result = page.getByTestId("backtest-result");
    assertThat(result)
        .hasAttribute(
            "data-status", "DONE", new LocatorAssertions.HasAttributeOptions().setTimeout(120_000));
    Locator metrics = result.getByTestId("backtest-metrics");
    for (String label :
        new String[] {
          "Total return", "CAGR", "Sharpe", "Sortino", "Max drawdown", "Max drawdown duration",
          "Win rate", "Profit factor", "Expectancy", "Exposure", "VaR 95 %", "CVaR 95 %"
        }) {
      assertThat(metrics).containsText(label);
    }
    assertThat(metrics.locator("[data-metric='bars'] .stat-value")).hasText("750");
    assertThat(metrics.locator("[data-metric='initialEquity'] .stat-value"))
        .hasText("₹10,00,000.00");
    assertThat(metrics.locator("[data-metric='totalReturn'] .stat-value"))
        .hasText(Pattern.compile("^[+−]?[0-9,]+\\.[0-9]{2} %$"));

    Locator equity =
        result.getByRole(AriaRole.IMG, new Locator.GetByRoleOptions().setName("Equity curve"));
    assertThat(equity).isVisible();
    assertThat(equity.locator("canvas").first()).isVisible();
    assertThat(
            result.getByRole(
                AriaRole.IMG, new Locator.GetByRoleOptions().setName("Drawdown curve")))
        .isVisible();
    // the trades tab agrees with the metrics' count
    String trades = metrics.locator("[data-metric='trades'] .stat-value").textContent().trim();
    assertThat(
            result.getByRole(
                AriaRole.TAB,
                new Locator.GetByRoleOptions().setName(Pattern.compile("^Trades \\(" + trades))))
        .isVisible();

    // the list of past backtests has it, done, and its link opens it again
    String id = page.url().replaceAll(".*[?&]id=([^&]+).*", "$1");
    Locator listed = page.locator("#backtests-table tr[data-backtest='" + id + "']");
    assertThat(listed).containsText("DONE");
    assertThat(listed).containsText("NSE:TCS");
    page.waitForTimeout(500); // let the chart draw for the screenshot
    Chromium.screenshot(page, "backtest-done");
    page.reload();
    assertThat(page.getByTestId("backtest-result")).hasAttribute("data-status", "DONE");
    assertThat(page.getByTestId("backtest-metrics")).containsText("Sharpe");
    assertThat(unexpectedConsoleErrors()).isEmpty();
  }

  @Test
  void aGridOptimisationRanksItsRunsAndItsBestParametersGoToTheForm() {
    HttpResponse<String> imported = importBars("NSE:TCS", "1m", sessionsCsv());
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

    openSignedIn("/backtests", trader, password);
    page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Optimisation")).click();
    Locator form =
        page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("New optimisation"));
    form.getByLabel("Instruments").fill("NSE:TCS");
    form.getByLabel("From (IST)").fill("2025-01-06T09:15");
    form.getByLabel("To (IST)").fill("2025-01-08T00:00");
    form.getByLabel("fast values").fill("3, 5");
    form.getByLabel("slow from").fill("20");
    form.getByLabel("slow to").fill("25");
    form.getByLabel("slow step").fill("5");
    form.getByLabel("Rank by").selectOption("totalReturn");
    assertThat(form).containsText("4 backtests");
    button(form, "Run optimisation").click();

    Locator result = page.getByTestId("optimisation-result");
    assertThat(result)
        .hasAttribute(
            "data-status", "DONE", new LocatorAssertions.HasAttributeOptions().setTimeout(120_000));
    assertThat(result).containsText("Total return");
    Locator runs =
        result.getByRole(
            AriaRole.TABLE, new Locator.GetByRoleOptions().setName("Optimisation runs"));
    assertThat(runs.locator("tbody tr")).hasCount(4);
    assertThat(runs.locator("tbody tr").first()).containsText("slow");
    Chromium.screenshot(page, "backtest-optimisation");

    button(result, "Backtest the best parameters").click();
    Locator single =
        page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("New backtest"));
    assertThat(single.locator("#bt-p-fast")).hasValue(Pattern.compile("^(3|5)$"));
    assertThat(single.locator("#bt-p-slow")).hasValue(Pattern.compile("^(20|25)$"));
    assertThat(unexpectedConsoleErrors()).isEmpty();
  }

  /** 375 bars a session of a seeded wave with noise on the 0.05 tick grid, so averages cross. */
  private static String sessionsCsv() {
    StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
    SplittableRandom random = new SplittableRandom(7);
    double previous = 3500;
    int n = 0;
    for (int day = 0; day < 2; day++) {
      ZonedDateTime t = ZonedDateTime.of(FIRST_DAY.plusDays(day), LocalTime.of(9, 15), IST);
      for (int minute = 0; minute < BARS_PER_SESSION; minute++, n++) {
        double close = tick(3500 + 35 * Math.sin(n / 30.0) + random.nextGaussian() * 2);
        double open = previous;
        double high = tick(Math.max(open, close) + random.nextDouble() * 1.5);
        double low = tick(Math.min(open, close) - random.nextDouble() * 1.5);
        csv.append(
            String.format(
                Locale.ROOT,
                "%s,%.2f,%.2f,%.2f,%.2f,%d%n",
                t.toOffsetDateTime(),
                open,
                high,
                low,
                close,
                1000 + random.nextInt(9000)));
        previous = close;
        t = t.plusMinutes(1);
      }
    }
    return csv.toString();
  }

  private static double tick(double price) {
    return Math.round(price * 20) / 20.0;
  }

  private static HttpResponse<String> importBars(String instrument, String timeframe, String csv) {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    node.baseUrl
                        + "/api/v1/bars/import?instrument="
                        + instrument
                        + "&timeframe="
                        + timeframe))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .header("Content-Type", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofString(csv))
            .build();
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
