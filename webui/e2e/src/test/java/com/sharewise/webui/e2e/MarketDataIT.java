package com.sharewise.webui.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live quotes in the watchlist, the chart with imported history and an indicator overlay. */
class MarketDataIT extends UiTestBase {

  private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

  private void createTrader(String name) {
    String admin = node.token("admin", E2eNode.ADMIN_PASSWORD);
    node.call(
        "POST",
        "/api/v1/users",
        admin,
        "{\"username\":\""
            + name
            + "\",\"password\":\""
            + name
            + "-password-1\",\"roles\":[\"TRADER\"]}");
  }

  /** 5-minute bars of yesterday's session, 09:15 to 15:25 IST, a seeded random walk. */
  static String sessionCsv() {
    StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
    Random random = new Random(42);
    double price = 1500;
    ZonedDateTime t = ZonedDateTime.of(LocalDate.now(IST).minusDays(1), LocalTime.of(9, 15), IST);
    for (int i = 0; i < 75; i++) {
      double open = price;
      double close = Math.round((open + random.nextGaussian() * 4) * 20) / 20.0;
      double high = Math.max(open, close) + Math.round(random.nextDouble() * 40) / 20.0;
      double low = Math.min(open, close) - Math.round(random.nextDouble() * 40) / 20.0;
      csv.append(
          String.format(
              Locale.ROOT,
              "%s,%.2f,%.2f,%.2f,%.2f,%d%n",
              t.toOffsetDateTime(),
              open,
              high,
              low,
              close,
              1000 + random.nextInt(5000)));
      price = close;
      t = t.plusMinutes(5);
    }
    return csv.toString();
  }

  @Test
  void quotesMoveLiveAndTheChartShowsImportedHistoryWithAnIndicator(@TempDir Path dir)
      throws IOException {
    assumeTrue(node.hasLogin(), "this node has no sign-in yet");
    String admin = node.token("admin", E2eNode.ADMIN_PASSWORD);
    assumeTrue(node.has("/api/v1/quotes", admin), "this node has no market data yet");
    createTrader("tara");
    openSignedIn("/?i=NSE:INFY", "tara", "tara-password-1");

    // a live quote: a price appears, then changes without a reload
    Locator ltp = page.locator("tr[data-instrument='NSE:INFY'] .wl-last");
    assertThat(ltp).hasText(java.util.regex.Pattern.compile("^[0-9,]+\\.[0-9]{2}$"));
    String first = ltp.textContent();
    long deadline = System.currentTimeMillis() + 30_000;
    String now = first;
    while (now.equals(first) && System.currentTimeMillis() < deadline) {
      page.waitForTimeout(250);
      now = ltp.textContent();
    }
    assertThat(now).as("the INFY price moves live").isNotEqualTo(first);
    assertThat(
            page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Live")))
        .isVisible();

    // history for the chart: yesterday's 5-minute bars, imported from a CSV file
    page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("5m").setExact(true))
        .click();
    Path csv = Files.writeString(dir.resolve("infy-5m.csv"), sessionCsv());
    page.locator("#bars-import").setInputFiles(csv);
    assertThat(page.getByText("Imported 75 5m bars of NSE:INFY")).isVisible();
    assertThat(page.locator(".chart-overlay")).hasCount(0);

    // an indicator from the node's list, drawn over the candles
    Locator add = page.getByLabel("Add indicator");
    assertThat(add.locator("option")).not().hasCount(1);
    String sma =
        (String)
            add.evaluate(
                "s => [...s.options].find(o => /SMA|Simple/i.test(o.textContent))?.value ?? ''");
    assertThat(sma).isNotEmpty();
    add.selectOption(sma);
    assertThat(page.locator(".chip")).hasCount(1);
    page.waitForTimeout(1000);
    Chromium.screenshot(page, "trader-live-chart");
    assertThat(unexpectedConsoleErrors()).isEmpty();
  }

  @Test
  void aBadCsvIsRefusedWithItsLineNumbers(@TempDir Path dir) throws IOException {
    assumeTrue(node.hasLogin(), "this node has no sign-in yet");
    String admin = node.token("admin", E2eNode.ADMIN_PASSWORD);
    assumeTrue(node.has("/api/v1/bars", admin), "this node has no market data yet");
    createTrader("tanu");
    openSignedIn("/?i=NSE:TCS", "tanu", "tanu-password-1");
    Path csv =
        Files.writeString(
            dir.resolve("bad.csv"),
            "timestamp,open,high,low,close,volume\n2026-11-19 09:15:00,10,9,8,9,100\nnot,a,bar\n");
    page.locator("#bars-import").setInputFiles(csv);
    Locator error =
        page.getByRole(AriaRole.ALERT)
            .filter(new Locator.FilterOptions().setHasText("Could not import the bars"));
    assertThat(error).isVisible();
    assertThat(error).containsText("line 2");
    Chromium.screenshot(page, "trader-bad-csv");
  }
}
