package com.sharewise.rules.model;

/**
 * The trading account an order is for.
 *
 * @param id the platform's account id
 * @param broker the broker plugin the account trades through, e.g. {@code paper}
 * @param retail whether the account is a retail client's (the exchange caps retail algorithmic
 *     orders at 10 per second)
 * @param enabled whether trading is enabled on the account
 */
public record Account(String id, String broker, boolean retail, boolean enabled) {

  public Account {
    id = id == null ? "" : id;
    broker = broker == null ? "" : broker;
  }
}
