package com.sharewise.rules.model;

/**
 * How many orders the account sent recently (not counting the one being checked): the throttle
 * counters.
 *
 * @param accountId whose
 * @param lastSecond orders sent in the last second
 * @param lastMinute orders sent in the last minute
 */
public record OrderRate(String accountId, int lastSecond, int lastMinute) {

  public OrderRate {
    accountId = accountId == null ? "" : accountId;
  }
}
