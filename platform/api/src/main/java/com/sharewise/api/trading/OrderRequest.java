package com.sharewise.api.trading;

import com.sharewise.api.market.InstrumentId;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order as the platform sends it to a broker, after risk and workflow rules approved it.
 *
 * @param clientOrderId the platform's id for this order, unique per account; brokers must carry it
 *     on the exchange order (Kite's and SmartAPI's {@code tag}, Upstox's {@code tag}) so that the
 *     order can be found again after a lost response
 * @param account the platform account the order belongs to
 * @param instrument what to trade
 * @param side buy or sell
 * @param quantity whole shares, a positive multiple of the lot size
 * @param type order type
 * @param limitPrice required for LIMIT and SL, otherwise null
 * @param triggerPrice required for SL and SL-M, otherwise null
 * @param product margin product
 * @param validity DAY or IOC
 */
public record OrderRequest(
    String clientOrderId,
    AccountRef account,
    InstrumentId instrument,
    OrderSide side,
    long quantity,
    OrderType type,
    BigDecimal limitPrice,
    BigDecimal triggerPrice,
    Product product,
    Validity validity) {

  public OrderRequest {
    Objects.requireNonNull(clientOrderId, "clientOrderId");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(validity, "validity");
    if (quantity <= 0) {
      throw new IllegalArgumentException(clientOrderId + ": quantity must be positive");
    }
    if (type.needsLimitPrice() != (limitPrice != null)) {
      throw new IllegalArgumentException(
          clientOrderId
              + ": "
              + type
              + (type.needsLimitPrice() ? " needs" : " takes no")
              + " limit price");
    }
    if (type.needsTriggerPrice() != (triggerPrice != null)) {
      throw new IllegalArgumentException(
          clientOrderId
              + ": "
              + type
              + (type.needsTriggerPrice() ? " needs" : " takes no")
              + " trigger price");
    }
  }
}
