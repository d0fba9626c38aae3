package com.sharewise.benchmarks;

import com.sharewise.rules.internal.RiskFacts;
import com.sharewise.rules.model.Decision;
import com.sharewise.rules.model.Limits;
import com.sharewise.rules.model.MarketClock;
import com.sharewise.rules.model.OrderIntent;
import com.sharewise.rules.model.PositionFact;
import com.sharewise.rules.model.PriceType;
import com.sharewise.rules.model.ProductType;
import com.sharewise.rules.model.QuoteFact;
import com.sharewise.rules.model.Side;

/**
 * The default risk pack's 20 rules written by hand in Java over the same facts, filling the same
 * {@link Decision}: the yardstick the Drools evaluation is compared with.
 */
final class HandWrittenRiskCheck {

  private HandWrittenRiskCheck() {}

  static Decision check(RiskFacts f) {
    Decision d = new Decision(f.account().broker());
    OrderIntent o = f.order();
    Limits l = f.limits();
    QuoteFact q = f.quote();
    MarketClock c = f.clock();
    PositionFact p = position(f);
    long after = p.quantityAfter(o);
    boolean increases = Math.abs(after) > Math.abs(p.quantity());
    if (o.quantity() <= 0) {
      speak(d, "quantity must be positive", "order quantity must be positive");
    }
    if ((o.priceType() == PriceType.LIMIT || o.priceType() == PriceType.SL)
        && o.limitPrice() <= 0) {
      speak(d, "limit order needs a limit price", "needs a positive limit price");
    }
    if (!f.account().enabled()) {
      speak(d, "account disabled", "trading is disabled on account " + o.accountId());
    }
    if (f.restricted() != null) {
      speak(
          d,
          "restricted instrument",
          o.instrument() + " is restricted: " + f.restricted().reason());
    }
    if (c.minuteOfDay() < l.opensMinute() || c.minuteOfDay() >= l.closesMinute()) {
      speak(d, "outside trading hours", "outside trading hours");
    }
    if (c.weekend() || c.holiday()) {
      speak(d, "market closed today", "the exchange is closed today");
    }
    if (l.maxOrderQuantity() > 0 && o.quantity() > l.maxOrderQuantity()) {
      speak(d, "max order quantity", "order quantity " + o.quantity() + " exceeds the limit");
    }
    if (l.maxOrderValue() > 0 && o.value() > l.maxOrderValue()) {
      speak(d, "max order value", "order value " + Math.round(o.value()) + " exceeds the limit");
    }
    if ((o.priceType() == PriceType.MARKET || o.priceType() == PriceType.SL_M)
        && q.lastPrice() <= 0) {
      speak(d, "no price to value a market order", "no last price");
    }
    if (l.maxQuoteAgeMillis() > 0 && q.lastPrice() > 0 && q.ageMillis() > l.maxQuoteAgeMillis()) {
      speak(d, "stale quote", "the quote is " + q.ageMillis() + " ms old");
    }
    if (o.limitPrice() > 0
        && l.priceCollarPercent() > 0
        && q.lastPrice() > 0
        && q.deviationPercent(o.limitPrice()) > l.priceCollarPercent()) {
      speak(d, "price collar", "limit price " + o.limitPrice() + " outside the collar");
    }
    long maxPosition =
        f.instrumentLimit() != null
            ? f.instrumentLimit().maxPositionQuantity()
            : l.maxPositionQuantity();
    if ((f.instrumentLimit() != null || maxPosition > 0)
        && Math.abs(after) > maxPosition
        && increases) {
      speak(d, "max position per instrument", "position would be " + after);
    }
    if (l.maxGrossExposure() > 0
        && increases
        && f.exposure().grossAfter(o) > l.maxGrossExposure()) {
      speak(d, "max gross exposure", "gross exposure would be over the limit");
    }
    if (l.dailyLossLimit() > 0 && increases && f.pnl().loss() >= l.dailyLossLimit()) {
      speak(d, "daily loss limit", "today's loss reached the limit");
    }
    if (l.maxOpenOrders() > 0 && f.openOrders().count() >= l.maxOpenOrders()) {
      speak(d, "max open orders", f.openOrders().count() + " orders are open");
    }
    if (l.maxOrdersPerSecond() > 0 && f.rate().lastSecond() >= l.maxOrdersPerSecond()) {
      speak(d, "orders per second", "throttled");
    }
    if (!o.manual() && f.account().retail() && f.rate().lastSecond() >= 10) {
      speak(d, "exchange cap for retail algorithmic orders", "throttled: exchange cap");
    }
    if (o.side() == Side.SELL && o.product() == ProductType.CNC && after < 0) {
      speak(d, "no short selling in delivery", "cannot sell for delivery");
    }
    if (o.product() == ProductType.MIS && c.minuteOfDay() >= l.closesMinute() - 15 && increases) {
      speak(d, "no new intraday positions near the close", "no new intraday positions");
    }
    return d;
  }

  private static void speak(Decision d, String rule, String why) {
    d.enterRule(rule);
    d.reject(why);
  }

  private static PositionFact position(RiskFacts f) {
    for (PositionFact p : f.positions()) {
      if (p.instrument().equals(f.order().instrument())) {
        return p;
      }
    }
    throw new IllegalStateException("the resolver always adds the instrument's position");
  }
}
