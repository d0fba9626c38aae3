package com.sharewise.rules.model;

/**
 * An account's risk and workflow limits: data that risk officers change without changing rules.
 * Rules compare against these values instead of writing numbers into DRL. A value of 0 means "no
 * limit" for every maximum.
 *
 * @param accountId whose limits ({@code *} for the defaults every account without its own gets)
 * @param maxOrderValue largest order value in rupees
 * @param maxOrderQuantity largest order quantity in shares
 * @param priceCollarPercent how far a limit price may be from the last price, in percent
 * @param maxPositionQuantity largest absolute net position per instrument, in shares
 * @param maxGrossExposure largest gross exposure of the account, in rupees
 * @param dailyLossLimit largest loss of the day, in rupees (a positive number)
 * @param maxOpenOrders most orders open at once
 * @param maxOrdersPerSecond most orders per second (10 is the exchange cap for retail algorithms)
 * @param tradingOpens start of the trading window, {@code HH:mm} IST
 * @param tradingCloses end of the trading window, {@code HH:mm} IST (exclusive)
 * @param approvalThreshold orders worth more than this (rupees) wait for a person's approval
 * @param algoThreshold orders worth more than this (rupees) are worked by an execution algorithm
 * @param signalOrderValue the value in rupees a signal's order is sized to
 * @param maxQuoteAgeMillis a quote older than this is stale (0 = never)
 */
public record Limits(
    String accountId,
    double maxOrderValue,
    long maxOrderQuantity,
    double priceCollarPercent,
    long maxPositionQuantity,
    double maxGrossExposure,
    double dailyLossLimit,
    int maxOpenOrders,
    int maxOrdersPerSecond,
    String tradingOpens,
    String tradingCloses,
    double approvalThreshold,
    double algoThreshold,
    double signalOrderValue,
    long maxQuoteAgeMillis) {

  /** The account id of the defaults. */
  public static final String DEFAULT_ACCOUNT = "*";

  /** Defaults sized for a retail account on NSE's cash market. */
  public static final Limits DEFAULTS =
      new Limits(
          DEFAULT_ACCOUNT,
          1_000_000,
          10_000,
          5,
          50_000,
          5_000_000,
          100_000,
          50,
          10,
          "09:15",
          "15:30",
          500_000,
          2_000_000,
          100_000,
          5_000);

  public Limits {
    accountId = accountId == null || accountId.isBlank() ? DEFAULT_ACCOUNT : accountId;
    tradingOpens = tradingOpens == null || tradingOpens.isBlank() ? "09:15" : tradingOpens;
    tradingCloses = tradingCloses == null || tradingCloses.isBlank() ? "15:30" : tradingCloses;
    minutes(tradingOpens);
    minutes(tradingCloses);
  }

  /** The same limits for another account. */
  public Limits forAccount(String account) {
    return new Limits(
        account,
        maxOrderValue,
        maxOrderQuantity,
        priceCollarPercent,
        maxPositionQuantity,
        maxGrossExposure,
        dailyLossLimit,
        maxOpenOrders,
        maxOrdersPerSecond,
        tradingOpens,
        tradingCloses,
        approvalThreshold,
        algoThreshold,
        signalOrderValue,
        maxQuoteAgeMillis);
  }

  /** {@link #tradingOpens()} as minutes since midnight. */
  public int opensMinute() {
    return minutes(tradingOpens);
  }

  /** {@link #tradingCloses()} as minutes since midnight. */
  public int closesMinute() {
    return minutes(tradingCloses);
  }

  /**
   * Minutes since midnight of a {@code HH:mm} time.
   *
   * @throws IllegalArgumentException when {@code time} is not {@code HH:mm}
   */
  public static int minutes(String time) {
    if (time == null
        || time.length() != 5
        || time.charAt(2) != ':'
        || !Character.isDigit(time.charAt(0))
        || !Character.isDigit(time.charAt(1))
        || !Character.isDigit(time.charAt(3))
        || !Character.isDigit(time.charAt(4))) {
      throw new IllegalArgumentException("time must be HH:mm, got '" + time + "'");
    }
    int hours = (time.charAt(0) - '0') * 10 + time.charAt(1) - '0';
    int minutes = (time.charAt(3) - '0') * 10 + time.charAt(4) - '0';
    if (hours > 23 || minutes > 59) {
      throw new IllegalArgumentException("time must be HH:mm, got '" + time + "'");
    }
    return hours * 60 + minutes;
  }
}
