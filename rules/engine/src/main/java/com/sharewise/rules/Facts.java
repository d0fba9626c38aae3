package com.sharewise.rules;

import com.sharewise.api.market.Tick;
import com.sharewise.api.strategy.Signal;
import com.sharewise.api.trading.OrderRequest;
import com.sharewise.api.trading.Position;
import com.sharewise.rules.model.OrderIntent;
import com.sharewise.rules.model.PositionFact;
import com.sharewise.rules.model.PriceType;
import com.sharewise.rules.model.ProductType;
import com.sharewise.rules.model.QuoteFact;
import com.sharewise.rules.model.Side;
import com.sharewise.rules.model.SignalAction;
import com.sharewise.rules.model.SignalFact;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Converters from SPI values (what brokers, feeds and strategies produce) to the rules' fact model.
 * Stateless; cheap enough for the order path (no parsing, a handful of allocations).
 */
public final class Facts {

  private Facts() {}

  /**
   * An order request as an order intent, valued at its limit price or else {@code lastPrice}.
   *
   * @param strategyId the strategy instance that asked for it, or empty for a manual order
   */
  public static OrderIntent intent(OrderRequest order, String strategyId, double lastPrice) {
    double limit = price(order.limitPrice());
    return new OrderIntent(
        order.clientOrderId(),
        order.account().id(),
        order.instrument().toString(),
        order.side() == com.sharewise.api.trading.OrderSide.BUY ? Side.BUY : Side.SELL,
        order.quantity(),
        PriceType.valueOf(order.type().name()),
        limit,
        price(order.triggerPrice()),
        ProductType.valueOf(order.product().name()),
        strategyId,
        limit > 0 ? limit : lastPrice);
  }

  /** A position valued at {@code lastPrice}. */
  public static PositionFact position(Position position, double lastPrice) {
    return new PositionFact(
        position.account().id(),
        position.instrument().toString(),
        position.quantity(),
        position.averagePrice().doubleValue(),
        lastPrice);
  }

  /** A tick as the quote rules see, aged against {@code now}. */
  public static QuoteFact quote(Tick tick, Instant now) {
    return new QuoteFact(
        tick.instrument().toString(),
        tick.lastPrice(),
        Double.isNaN(tick.bid()) ? 0 : tick.bid(),
        Double.isNaN(tick.ask()) ? 0 : tick.ask(),
        Math.max(0, now.toEpochMilli() - tick.exchangeTime().toEpochMilli()));
  }

  /** A strategy's signal for the account its instance trades for. */
  public static SignalFact signal(Signal signal, String accountId) {
    return new SignalFact(
        signal.strategyInstanceId(),
        accountId,
        signal.instrument().toString(),
        signal.timeframe().label(),
        SignalAction.valueOf(signal.action().name()),
        signal.price(),
        signal.reason(),
        signal.attributes());
  }

  private static double price(BigDecimal price) {
    return price == null ? 0 : price.doubleValue();
  }
}
