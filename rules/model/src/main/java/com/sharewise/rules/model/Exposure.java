package com.sharewise.rules.model;

/**
 * An account's exposure across all its positions, at last prices.
 *
 * @param accountId whose
 * @param gross the sum of every position's absolute value
 * @param net the sum of signed position values (longs minus shorts)
 * @param openOrderValue the value of the account's orders still open at brokers
 */
public record Exposure(String accountId, double gross, double net, double openOrderValue) {

  public Exposure {
    accountId = accountId == null ? "" : accountId;
  }

  /** Gross exposure if {@code order} filled and every open order filled too (conservative). */
  public double grossAfter(OrderIntent order) {
    return gross + openOrderValue + order.value();
  }
}
