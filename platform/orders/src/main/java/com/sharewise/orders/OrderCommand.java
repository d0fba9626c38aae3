package com.sharewise.orders;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.trading.OrderSide;
import com.sharewise.api.trading.OrderType;
import com.sharewise.api.trading.Product;
import com.sharewise.api.trading.Validity;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * A request to place an order, from a trader, a strategy or a backtest: the one input of {@link
 * OrderService#place}.
 *
 * @param accountId the platform account
 * @param clientOrderId the caller's idempotency key, unique per account (an {@code Idempotency-Key}
 *     header or {@code clientOrderId}); placing again with the same key returns the first order and
 *     sends nothing. Null or blank: the platform generates one
 * @param instrument what to trade
 * @param side buy or sell
 * @param quantity whole shares, a positive multiple of the lot size
 * @param type order type
 * @param limitPrice required for LIMIT and SL, else null
 * @param triggerPrice required for SL and SL-M, else null
 * @param product CNC, MIS or NRML
 * @param validity DAY or IOC
 * @param algorithm how to work it; {@link Algorithm#DIRECT} unless the caller or a workflow rule
 *     chooses another
 * @param algorithmParameters the algorithm's parameters (e.g. {@code target}, {@code stop}, {@code
 *     legs}, {@code minutes}), as text
 * @param strategyId the strategy instance that asked for it; empty for a manual order
 * @param actor who asks (user name, or {@code strategy:<id>})
 */
public record OrderCommand(
    long accountId,
    String clientOrderId,
    InstrumentId instrument,
    OrderSide side,
    long quantity,
    OrderType type,
    BigDecimal limitPrice,
    BigDecimal triggerPrice,
    Product product,
    Validity validity,
    Algorithm algorithm,
    Map<String, String> algorithmParameters,
    String strategyId,
    String actor) {

  public OrderCommand {
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(type, "type");
    product = product == null ? Product.CNC : product;
    validity = validity == null ? Validity.DAY : validity;
    algorithm = algorithm == null ? Algorithm.DIRECT : algorithm;
    algorithmParameters = algorithmParameters == null ? Map.of() : Map.copyOf(algorithmParameters);
    strategyId = strategyId == null ? "" : strategyId;
    actor = actor == null ? "" : actor;
    clientOrderId = clientOrderId == null ? "" : clientOrderId.trim();
  }
}
