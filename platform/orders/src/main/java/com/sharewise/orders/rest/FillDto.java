package com.sharewise.orders.rest;

import com.sharewise.orders.AccountFill;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An execution (trade) on the wire.
 *
 * @param id the broker's trade id
 * @param accountId the account
 * @param orderId the platform's order id
 * @param brokerOrderId the broker's order id
 * @param instrument {@code EXCHANGE:SYMBOL}
 * @param side BUY or SELL
 * @param product CNC, MIS or NRML
 * @param quantity executed quantity
 * @param price execution price
 * @param charges brokerage and taxes, in rupees
 * @param time exchange time
 */
public record FillDto(
    String id,
    long accountId,
    String orderId,
    String brokerOrderId,
    String instrument,
    String side,
    String product,
    long quantity,
    BigDecimal price,
    BigDecimal charges,
    Instant time) {

  static FillDto of(AccountFill f) {
    return new FillDto(
        f.fill().fillId(),
        f.accountId(),
        f.orderId(),
        f.fill().brokerOrderId(),
        f.fill().instrument().toString(),
        f.fill().side().name(),
        f.product().name(),
        f.fill().quantity(),
        f.fill().price(),
        f.fill().charges(),
        f.fill().time());
  }
}
