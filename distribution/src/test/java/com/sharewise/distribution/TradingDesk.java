package com.sharewise.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Readies a fresh node to take orders at any hour, through the product's own API, the way a risk
 * team would open a desk: two risk officers, a trader with a paper account, limits for that account
 * that allow trading all day at a high order rate, and a risk rule-set version without the rules
 * that look at the wall clock ("market closed today" on weekends and holidays, "outside trading
 * hours"), written by one officer and approved and activated by the other (four eyes).
 *
 * <p>The node must run with {@link #nodeEnvironment()}: the simulator then quotes the seeded NSE
 * instruments around the clock, so market orders have a price at any hour.
 */
public final class TradingDesk {

  /** The first admin's password every desk node starts with. */
  public static final String ADMIN_PASSWORD = "desk-admin-Passw0rd-1";

  /** The trader's name and password. */
  public static final String TRADER = "desk-trader";

  public static final String TRADER_PASSWORD = "desk-trader-Passw0rd-1";

  private static final String AUTHOR = "desk-risk-author";
  private static final String REVIEWER = "desk-risk-reviewer";
  private static final String OFFICER_PASSWORD = "desk-risk-Passw0rd-1";

  /** Risk rules that depend on the wall clock; the desk's version goes without them. */
  static final List<String> CLOCK_RULES = List.of("market closed today", "outside trading hours");

  private final Api api;
  private final long accountId;
  private final String riskOfficerToken;
  private final String traderToken;

  private TradingDesk(Api api, long accountId, String traderToken, String riskOfficerToken) {
    this.api = api;
    this.accountId = accountId;
    this.traderToken = traderToken;
    this.riskOfficerToken = riskOfficerToken;
  }

  /**
   * Settings of a node a desk opens on: the admin password, the simulator quoting around the clock,
   * and the per-user and per-address order rate limits ({@code security.orderLimit.*}, 120 and 600
   * requests a minute by default) raised to their maximum so bursts are not answered 429.
   */
  public static Map<String, String> nodeEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SHAREWISE_ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("SHAREWISE_MARKETDATA_SIMULATOR_ALWAYS_OPEN", "true");
    env.put("SHAREWISE_ORDER_LIMIT_PER_USER", "1000000");
    env.put("SHAREWISE_ORDER_LIMIT_PER_ADDRESS", "1000000");
    return env;
  }

  /**
   * The limits of the desk's account: trading 00:00–23:59 IST, 100,000 orders a second, no open
   * order, position, exposure or loss limits, no approvals or execution algorithms (both would take
   * orders off the direct path); the order value and quantity caps and the 5% price collar stay.
   */
  public static Map<String, Object> openLimits() {
    Map<String, Object> limits = new LinkedHashMap<>();
    limits.put("maxOrderValue", 10_000_000);
    limits.put("maxOrderQuantity", 100_000);
    limits.put("priceCollarPercent", 5);
    limits.put("maxPositionQuantity", 0);
    limits.put("maxGrossExposure", 0);
    limits.put("dailyLossLimit", 0);
    limits.put("maxOpenOrders", 0);
    limits.put("maxOrdersPerSecond", 100_000);
    limits.put("tradingOpens", "00:00");
    limits.put("tradingCloses", "23:59");
    limits.put("approvalThreshold", 0);
    limits.put("algoThreshold", 0);
    limits.put("signalOrderValue", 100_000);
    limits.put("maxQuoteAgeMillis", 5_000);
    return limits;
  }

  /**
   * Opens the desk on a fresh node started with {@link #nodeEnvironment()}.
   *
   * @throws IllegalStateException naming the call that the node refused
   */
  public static TradingDesk open(Api api) throws IOException, InterruptedException {
    String admin = api.login("admin", ADMIN_PASSWORD);
    createUser(api, admin, AUTHOR, OFFICER_PASSWORD, "RISK_OFFICER");
    createUser(api, admin, REVIEWER, OFFICER_PASSWORD, "RISK_OFFICER");
    createUser(api, admin, TRADER, TRADER_PASSWORD, "TRADER");
    String author = api.login(AUTHOR, OFFICER_PASSWORD);
    String reviewer = api.login(REVIEWER, OFFICER_PASSWORD);
    String trader = api.login(TRADER, TRADER_PASSWORD);

    // a trader's first look at the accounts creates the paper account
    long account = api.call("GET", "/accounts", trader, null).path(0).path("id").asLong();
    if (account == 0) {
      throw new IllegalStateException("the trader got no paper account");
    }
    api.call("PUT", "/rulesets/limits/" + account, author, openLimits());
    activateRiskRulesWithout(api, author, reviewer, CLOCK_RULES);
    return new TradingDesk(api, account, trader, author);
  }

  private static void createUser(
      Api api, String adminToken, String username, String password, String role)
      throws IOException, InterruptedException {
    api.call(
        "POST",
        "/users",
        adminToken,
        Map.of("username", username, "password", password, "roles", List.of(role)),
        201);
  }

  /**
   * Writes a new version of the active risk rules without {@code rules}, drops the scenarios that
   * expect those rules to decide (they would fail the version), submits it as {@code author},
   * approves and activates it as {@code reviewer}.
   */
  private static void activateRiskRulesWithout(
      Api api, String author, String reviewer, List<String> rules)
      throws IOException, InterruptedException {
    int active = 0;
    for (JsonNode kind : api.call("GET", "/rulesets", author, null)) {
      if (kind.path("kind").asText().equals("risk")) {
        active = kind.path("activeVersion").asInt();
      }
    }
    if (active == 0) {
      throw new IllegalStateException("no active risk rule set");
    }
    String drl =
        api.call("GET", "/rulesets/risk/versions/" + active, author, null).path("drl").asText();
    for (String rule : rules) {
      drl = withoutRule(drl, rule);
    }
    for (JsonNode scenario : api.call("GET", "/rulesets/risk/scenarios", author, null)) {
      if (rules.contains(scenario.path("expect").path("rule").asText())) {
        api.call(
            "DELETE",
            "/rulesets/risk/scenarios/" + Api.segment(scenario.path("name").asText()),
            author,
            null,
            204);
      }
    }
    JsonNode created =
        api.call(
            "POST",
            "/rulesets/risk/versions",
            author,
            Map.of("drl", drl, "comment", "desk open around the clock: without " + rules),
            201);
    String version = "/rulesets/risk/versions/" + created.path("version").asInt();
    api.call("POST", version + "/submit", author, null);
    api.call("POST", version + "/approve", reviewer, Map.of("comment", "four eyes"));
    api.call("POST", version + "/activate", reviewer, null);
  }

  /**
   * {@code drl} without the rule named {@code name} (from {@code rule "name"} to its {@code end}).
   *
   * @throws IllegalStateException when there is no such rule
   */
  static String withoutRule(String drl, String name) {
    int start = drl.indexOf("rule \"" + name + "\"");
    int end = start < 0 ? -1 : drl.indexOf("\nend", start);
    if (end < 0) {
      throw new IllegalStateException("the risk rules have no rule \"" + name + "\"");
    }
    int lineEnd = drl.indexOf('\n', end + 1);
    return drl.substring(0, start) + (lineEnd < 0 ? "" : drl.substring(lineEnd + 1));
  }

  /**
   * Opens another account of the trader's, on the paper broker with {@code settings} (its settings,
   * e.g. {@code durable=false}), with the desk's {@link #openLimits()}.
   *
   * @return the account's id
   */
  public long openPaperAccount(String name, Map<String, String> settings)
      throws IOException, InterruptedException {
    long account =
        api.call(
                "POST",
                "/accounts",
                traderToken,
                Map.of("name", name, "broker", "paper", "credentials", settings),
                201)
            .path("id")
            .asLong();
    api.call("PUT", "/rulesets/limits/" + account, riskOfficerToken, openLimits());
    return account;
  }

  public Api api() {
    return api;
  }

  /** The trader's paper account. */
  public long accountId() {
    return accountId;
  }

  /** The trader's access token (valid 15 minutes at most). */
  public String traderToken() {
    return traderToken;
  }

  /** A risk officer's access token (reads every account). */
  public String riskOfficerToken() {
    return riskOfficerToken;
  }

  /**
   * The same desk through {@code other} (e.g. a node restarted on the desk's data folder), with its
   * people logged in again.
   */
  public TradingDesk reconnect(Api other) throws IOException, InterruptedException {
    return new TradingDesk(
        other,
        accountId,
        other.login(TRADER, TRADER_PASSWORD),
        other.login(AUTHOR, OFFICER_PASSWORD));
  }

  /**
   * The latest traded price of {@code instrument}, as the simulator quotes it.
   *
   * @throws IllegalStateException when the instrument has no quote
   */
  public BigDecimal lastPrice(String instrument) throws IOException, InterruptedException {
    JsonNode quote = api.call("GET", "/quotes/" + Api.segment(instrument), traderToken, null);
    return BigDecimal.valueOf(quote.path("last").asDouble());
  }

  /** {@code price} on NSE's 0.05 tick grid (rounded half up). */
  public static BigDecimal onTick(BigDecimal price) {
    BigDecimal tick = new BigDecimal("0.05");
    return price.divide(tick, 0, RoundingMode.HALF_UP).multiply(tick);
  }
}
