package com.sharewise.orders;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Tick;
import com.sharewise.api.trading.OrderSide;
import com.sharewise.orders.AccountDirectory.AccountInfo;
import com.sharewise.orders.internal.OrderRateCounter;
import com.sharewise.rules.RiskContext;
import com.sharewise.rules.model.Account;
import com.sharewise.rules.model.DailyPnl;
import com.sharewise.rules.model.Exposure;
import com.sharewise.rules.model.MarketClock;
import com.sharewise.rules.model.OpenOrders;
import com.sharewise.rules.model.OrderIntent;
import com.sharewise.rules.model.OrderRate;
import com.sharewise.rules.model.PositionFact;
import com.sharewise.rules.model.PriceType;
import com.sharewise.rules.model.ProductType;
import com.sharewise.rules.model.QuoteFact;
import com.sharewise.rules.model.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Translates the order path's state into the rules' fact model: the one place where orders,
 * positions and quotes become {@code OrderIntent}, {@code PositionFact}, {@code Exposure}…
 */
public final class RiskFacts {

  private final boolean simulatedClock;

  /**
   * @param simulatedClock true in backtests: the rules then judge trading hours by the order path's
   *     (simulated) clock instead of their own wall clock
   */
  public RiskFacts(boolean simulatedClock) {
    this.simulatedClock = simulatedClock;
  }

  /** The intent the rules judge for an order command. */
  public OrderIntent intent(OrderCommand c, String orderId, double lastPrice) {
    double limit = c.limitPrice() == null ? 0 : c.limitPrice().doubleValue();
    double trigger = c.triggerPrice() == null ? 0 : c.triggerPrice().doubleValue();
    double reference = limit > 0 ? limit : trigger > 0 ? trigger : lastPrice;
    return new OrderIntent(
        orderId,
        Long.toString(c.accountId()),
        c.instrument().toString(),
        c.side() == OrderSide.BUY ? Side.BUY : Side.SELL,
        c.quantity(),
        PriceType.valueOf(c.type().name()),
        limit,
        trigger,
        ProductType.valueOf(c.product().name()),
        c.strategyId(),
        reference);
  }

  /** What the rules know about the account when judging an order in {@code instrument}. */
  public RiskContext context(
      AccountInfo account,
      InstrumentId instrument,
      Optional<Tick> quote,
      List<PositionView> positions,
      PortfolioSummary summary,
      List<Order> working,
      OrderRateCounter rate,
      Instant now) {
    String accountId = Long.toString(account.id());
    List<PositionFact> facts = new ArrayList<>(positions.size());
    double gross = 0;
    double net = 0;
    for (PositionView p : positions) {
      double last = p.lastPrice().doubleValue();
      facts.add(
          new PositionFact(
              accountId,
              p.instrument().toString(),
              p.quantity(),
              p.averagePrice().doubleValue(),
              last));
      gross += Math.abs(p.quantity()) * last;
      net += p.quantity() * last;
    }
    double openValue = 0;
    for (Order o : working) {
      BigDecimal price = o.limitPrice() != null ? o.limitPrice() : o.triggerPrice();
      double reference = price != null ? price.doubleValue() : lastPrice(positions, o);
      openValue += o.remainingQuantity() * reference;
    }
    long millis = now.toEpochMilli();
    return new RiskContext(
        new Account(accountId, account.brokerId(), true, account.enabled()),
        null,
        quote.map(t -> quoteFact(t, now)).orElse(null),
        facts,
        new Exposure(accountId, gross, net, openValue),
        new DailyPnl(
            accountId,
            summary.realisedToday().doubleValue(),
            summary.unrealisedPnl().doubleValue()),
        new OpenOrders(accountId, working.size()),
        new OrderRate(accountId, rate.lastSecond(millis), rate.lastMinute(millis)),
        simulatedClock ? marketClock(now) : null);
  }

  /** The last price of the first position in the order's instrument, 0 without one. */
  private static double lastPrice(List<PositionView> positions, Order o) {
    for (PositionView p : positions) {
      if (p.instrument().equals(o.instrument())) {
        return p.lastPrice().doubleValue();
      }
    }
    return 0.0;
  }

  private static QuoteFact quoteFact(Tick t, Instant now) {
    return new QuoteFact(
        t.instrument().toString(),
        t.lastPrice(),
        Double.isNaN(t.bid()) ? 0 : t.bid(),
        Double.isNaN(t.ask()) ? 0 : t.ask(),
        Math.max(0, now.toEpochMilli() - t.exchangeTime().toEpochMilli()));
  }

  private static MarketClock marketClock(Instant now) {
    return MarketClock.at(now.toEpochMilli(), false);
  }
}
