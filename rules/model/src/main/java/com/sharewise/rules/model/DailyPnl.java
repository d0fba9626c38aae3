package com.sharewise.rules.model;

/**
 * An account's profit or loss for the current trading day, in rupees (losses are negative).
 *
 * @param accountId whose
 * @param realised booked by closing trades today
 * @param unrealised open positions at last prices
 */
public record DailyPnl(String accountId, double realised, double unrealised) {

  public DailyPnl {
    accountId = accountId == null ? "" : accountId;
  }

  /** Realised plus unrealised. */
  public double total() {
    return realised + unrealised;
  }

  /** The day's loss as a positive number (0 when in profit). */
  public double loss() {
    return Math.max(0, -total());
  }
}
