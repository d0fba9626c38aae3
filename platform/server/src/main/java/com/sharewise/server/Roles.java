package com.sharewise.server;

/**
 * The roles a user may hold (several at once). Resources name them in {@code @RolesAllowed}; the
 * security layer checks them, and checks ownership of accounts and orders besides.
 */
public final class Roles {

  /** Trades on their own accounts: orders, positions, strategies, backtests. */
  public static final String TRADER = "TRADER";

  /** Writes, tests and approves rule sets; reads every order; cannot trade for others. */
  public static final String RISK_OFFICER = "RISK_OFFICER";

  /** Manages plugins, users and the kill switch. */
  public static final String ADMIN = "ADMIN";

  private Roles() {}
}
