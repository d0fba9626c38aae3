package com.sharewise.backtest.cli;

import com.sharewise.backtest.runs.Metrics;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A backtest's metrics as aligned {@code name value} lines for a terminal. */
public final class MetricsText {

  private MetricsText() {}

  /** The lines, in the order a trader reads them; undefined values show as {@code n/a}. */
  public static String format(Metrics m) {
    Map<String, String> rows = new LinkedHashMap<>();
    rows.put("period", m.start() + " .. " + m.end());
    rows.put("bars", Long.toString(m.bars()));
    rows.put("initial equity", money(m.initialEquity()));
    rows.put("final equity", money(m.finalEquity()));
    rows.put("total return", percent(m.totalReturn()));
    rows.put("CAGR", percent(m.cagr()));
    rows.put("volatility (annual)", percent(m.annualisedVolatility()));
    rows.put("Sharpe ratio", plain(m.sharpeRatio()));
    rows.put("Sortino ratio", plain(m.sortinoRatio()));
    rows.put("max drawdown", percent(m.maxDrawdown()));
    rows.put(
        "max drawdown duration",
        duration(m.maxDrawdownDuration()) + (m.maxDrawdownRecovered() ? "" : " (not recovered)"));
    rows.put("exposure", percent(m.exposure()));
    rows.put(
        "VaR 95% / 99% (per bar)", percent(m.valueAtRisk95()) + " / " + percent(m.valueAtRisk99()));
    rows.put(
        "CVaR 95% / 99% (per bar)",
        percent(m.expectedShortfall95()) + " / " + percent(m.expectedShortfall99()));
    rows.put("signals / orders", m.signals() + " / " + m.orders());
    rows.put("trades", Integer.toString(m.trades()));
    rows.put("win rate", percent(m.winRate()));
    rows.put("profit factor", plain(m.profitFactor()));
    rows.put("expectancy (per trade)", money(m.expectancy()));
    rows.put("average win / loss", money(m.averageWin()) + " / " + money(m.averageLoss()));
    rows.put("net profit", money(m.netProfit()));
    rows.put("charges", money(m.totalCharges()));
    rows.put("beta / alpha", plain(m.beta()) + " / " + percent(m.alpha()));
    int width = rows.keySet().stream().mapToInt(String::length).max().orElse(0);
    StringBuilder text = new StringBuilder();
    rows.forEach(
        (name, value) ->
            text.append(String.format(Locale.ROOT, "%-" + width + "s  %s%n", name, value)));
    return text.toString();
  }

  /** An ISO-8601 duration as days, hours and minutes, e.g. {@code 9d 3h 54m}. */
  static String duration(String iso) {
    java.time.Duration d = java.time.Duration.parse(iso);
    if (d.isZero()) {
      return "0";
    }
    StringBuilder text = new StringBuilder();
    if (d.toDays() > 0) {
      text.append(d.toDays()).append("d ");
    }
    if (d.toHoursPart() > 0 || d.toDays() > 0) {
      text.append(d.toHoursPart()).append("h ");
    }
    return text.append(d.toMinutesPart()).append('m').toString();
  }

  private static String percent(Double v) {
    return v == null ? "n/a" : String.format(Locale.ROOT, "%.2f%%", v * 100);
  }

  private static String plain(Double v) {
    return v == null ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
  }

  private static String money(Double v) {
    return v == null ? "n/a" : String.format(Locale.ROOT, "%,.2f", v);
  }
}
