package com.sharewise.api.trading;

import java.math.BigDecimal;

/**
 * New terms for an open order. A null field keeps the current value.
 *
 * @param quantity new total quantity (not the remaining quantity), or null
 * @param type new order type, or null
 * @param limitPrice new limit price, or null
 * @param triggerPrice new trigger price, or null
 */
public record OrderModification(
    Long quantity, OrderType type, BigDecimal limitPrice, BigDecimal triggerPrice) {}
