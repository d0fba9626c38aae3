package com.sharewise.orders.rest;

import java.math.BigDecimal;
import java.util.Map;

/** Request bodies of the order resources. */
final class OrderRequests {

  private OrderRequests() {}

  /**
   * A new order.
   *
   * @param accountId the account (one of the caller's)
   * @param clientOrderId idempotency key (or send the {@code Idempotency-Key} header)
   * @param instrument {@code EXCHANGE:SYMBOL}
   * @param side BUY or SELL
   * @param quantity whole shares in lots
   * @param type MARKET, LIMIT, SL or SL_M (also {@code SL-M})
   * @param price limit price for LIMIT and SL
   * @param triggerPrice for SL and SL-M
   * @param product CNC (default), MIS or NRML
   * @param validity DAY (default) or IOC
   * @param algorithm DIRECT (default), BRACKET, TRAILING_STOP, ICEBERG, TWAP or VWAP
   * @param algorithmParameters the algorithm's parameters
   */
  record Place(
      Long accountId,
      String clientOrderId,
      String instrument,
      String side,
      Long quantity,
      String type,
      BigDecimal price,
      BigDecimal triggerPrice,
      String product,
      String validity,
      String algorithm,
      Map<String, String> algorithmParameters) {}

  /** New terms for an open order; absent fields keep their value. */
  record Modify(Long quantity, BigDecimal price, BigDecimal triggerPrice) {}

  /** A reason for an approval decision. */
  record Reason(String reason) {}

  /**
   * Engage or release a kill switch.
   *
   * @param scope GLOBAL, ACCOUNT or STRATEGY
   * @param target the account or strategy instance id (not for GLOBAL)
   * @param engaged true to block, false to release
   * @param reason why (required to release)
   */
  record KillSwitch(String scope, String target, Boolean engaged, String reason) {}

  /**
   * A new trading account.
   *
   * @param name a name unique among the caller's accounts
   * @param broker the broker plugin, {@code paper} by default
   * @param credentials the broker's settings and secrets (never returned)
   */
  record NewAccount(String name, String broker, Map<String, String> credentials) {}
}
