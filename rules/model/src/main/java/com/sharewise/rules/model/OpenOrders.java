package com.sharewise.rules.model;

/**
 * How many of the account's orders are open at brokers now (not counting the one being checked).
 *
 * @param accountId whose
 * @param count open orders
 */
public record OpenOrders(String accountId, int count) {

  public OpenOrders {
    accountId = accountId == null ? "" : accountId;
  }
}
