package com.sharewise.broker.paper.internal;

import com.sharewise.api.market.DepthLevel;
import com.sharewise.api.market.Tick;
import com.sharewise.api.trading.OrderRequest;
import com.sharewise.api.trading.OrderSide;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides what one order executes against one quote; changes nothing, so the adapter can journal
 * the outcome before applying it.
 *
 * <ul>
 *   <li>A stop-loss waiting for its trigger does nothing until the last price reaches the trigger
 *       (at or above for a buy, at or below for a sell); then it triggers and, in the same quote,
 *       works as a MARKET (SL-M) or a LIMIT at its limit price (SL).
 *   <li>An order meeting the market for the first time since it became active (placed, modified,
 *       triggered, or its latency just passed) takes liquidity: it walks the visible depth on the
 *       opposite side, best level first, each level at its own price, as far as its limit allows;
 *       with no visible depth it fills in full at the quote. Depth takes no account of traded
 *       volume: it is liquidity waiting to be taken.
 *   <li>After that the remainder rests: whenever the quote is at or through its limit (a MARKET
 *       always is) it fills at most the volume budget the adapter passes, the quantity traded since
 *       the previous quote times the participation setting.
 * </ul>
 *
 * Prices come from {@link Prices} (slippage, the instrument's tick) and are never worse than the
 * limit; quantities are whole lots. Immutable.
 */
final class Matcher {

  /** One execution: a quantity at a price. */
  record Execution(long quantity, BigDecimal price) {}

  /**
   * What an order does against a quote.
   *
   * @param triggers the order's stop triggers now
   * @param executions the fills, in order
   * @param met the order met the market (it had a price to trade at and no trigger to wait for)
   * @param firstMeeting it met the market for the first time since it became active, so it took
   *     depth rather than traded volume, and an IOC order's unfilled rest is to be cancelled
   */
  record Outcome(boolean triggers, List<Execution> executions, boolean met, boolean firstMeeting) {

    static final Outcome WAITING = new Outcome(false, List.of(), false, false);

    /** A resting order the quote does not reach. */
    static final Outcome RESTING = new Outcome(false, List.of(), true, false);

    /** The quantity executed. */
    long executed() {
      long executed = 0;
      for (Execution execution : executions) {
        executed += execution.quantity();
      }
      return executed;
    }
  }

  private final Prices prices;

  Matcher(Prices prices) {
    this.prices = prices;
  }

  /**
   * @param volumeBudget the most a resting order may fill from this quote's traded volume
   */
  Outcome match(PaperOrder order, Tick quote, Contract contract, long volumeBudget) {
    OrderRequest terms = order.request();
    boolean buy = terms.side() == OrderSide.BUY;
    boolean triggers = false;
    if (order.awaitingTrigger()) {
      Optional<BigDecimal> last = Prices.decimal(quote.lastPrice());
      if (last.isEmpty()) {
        return Outcome.WAITING;
      }
      int lastVersusTrigger = last.get().compareTo(terms.triggerPrice());
      if (buy ? lastVersusTrigger < 0 : lastVersusTrigger > 0) {
        return Outcome.WAITING;
      }
      triggers = true;
    }
    if (!triggers && order.metMarket() && unreached(order, quote)) {
      return Outcome.RESTING;
    }
    Optional<BigDecimal> quoted = Prices.quoted(terms.side(), quote);
    if (quoted.isEmpty()) {
      return new Outcome(triggers, List.of(), false, false);
    }
    BigDecimal limit = order.worksAtMarket() ? null : terms.limitPrice();
    boolean firstMeeting = triggers || !order.metMarket();
    long remaining = contract.wholeLots(order.remaining());
    List<Execution> executions = new ArrayList<>();
    if (firstMeeting) {
      List<DepthLevel> levels = usable(buy ? quote.depth().asks() : quote.depth().bids());
      if (levels.isEmpty()) {
        if (remaining > 0 && reaches(terms.side(), quoted.get(), limit)) {
          executions.add(
              new Execution(remaining, price(terms.side(), quoted.get(), limit, contract)));
        }
      } else {
        walk(terms.side(), levels, remaining, limit, contract, executions);
      }
    } else {
      long quantity = contract.wholeLots(Math.min(remaining, volumeBudget));
      if (quantity > 0 && reaches(terms.side(), quoted.get(), limit)) {
        executions.add(new Execution(quantity, price(terms.side(), quoted.get(), limit, contract)));
      }
    }
    return new Outcome(triggers, List.copyOf(executions), true, firstMeeting);
  }

  /**
   * True when {@code quote} certainly does not reach a resting limit order: its price is beyond the
   * double nearest the limit. Most quotes of a resting order are such, and comparing doubles spares
   * making a decimal of the quote. Exact: rounding to the nearest double keeps order, so a quoted
   * decimal at or within the limit could not round to a double beyond the limit's. Anything else is
   * decided by the decimals.
   */
  private static boolean unreached(PaperOrder order, Tick quote) {
    OrderRequest terms = order.request();
    if (order.worksAtMarket() || terms.limitPrice() == null) {
      return false;
    }
    boolean buy = terms.side() == OrderSide.BUY;
    double price = buy ? quote.ask() : quote.bid();
    if (!Prices.usable(price)) {
      price = quote.lastPrice();
      if (!Prices.usable(price)) {
        return false; // no price to trade at: the decimals path says so
      }
    }
    double limit = terms.limitPrice().doubleValue();
    return buy ? price > limit : price < limit;
  }

  /** Takes the levels within the limit, best first, up to {@code remaining} in whole lots. */
  private void walk(
      OrderSide side,
      List<DepthLevel> levels,
      long remaining,
      BigDecimal limit,
      Contract contract,
      List<Execution> executions) {
    List<DepthLevel> within = new ArrayList<>();
    long available = 0;
    for (DepthLevel level : levels) {
      if (!reaches(side, BigDecimal.valueOf(level.price()), limit)) {
        break; // levels are best first: every later one is further from the limit
      }
      within.add(level);
      available += level.quantity();
    }
    long left = contract.wholeLots(Math.min(remaining, available));
    for (DepthLevel level : within) {
      if (left == 0) {
        break;
      }
      long quantity = Math.min(left, level.quantity());
      executions.add(
          new Execution(quantity, price(side, BigDecimal.valueOf(level.price()), limit, contract)));
      left -= quantity;
    }
  }

  /** True when a trade at {@code price} is at or better than {@code limit} (null: no limit). */
  private static boolean reaches(OrderSide side, BigDecimal price, BigDecimal limit) {
    if (limit == null) {
      return true;
    }
    int priceVersusLimit = price.compareTo(limit);
    return side == OrderSide.BUY ? priceVersusLimit <= 0 : priceVersusLimit >= 0;
  }

  private BigDecimal price(OrderSide side, BigDecimal quoted, BigDecimal limit, Contract contract) {
    BigDecimal price = prices.execution(side, quoted, contract.tickSize());
    if (limit == null) {
      return price;
    }
    return side == OrderSide.BUY ? price.min(limit) : price.max(limit);
  }

  private static List<DepthLevel> usable(List<DepthLevel> levels) {
    if (levels.isEmpty()) {
      return List.of(); // bars make quotes without depth: skip the stream
    }
    return levels.stream()
        .filter(l -> Double.isFinite(l.price()) && l.price() > 0 && l.quantity() > 0)
        .toList();
  }
}
