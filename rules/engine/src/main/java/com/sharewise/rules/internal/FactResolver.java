package com.sharewise.rules.internal;

import com.sharewise.api.market.Ist;
import com.sharewise.rules.RiskContext;
import com.sharewise.rules.SignalContext;
import com.sharewise.rules.model.Account;
import com.sharewise.rules.model.DailyPnl;
import com.sharewise.rules.model.Exposure;
import com.sharewise.rules.model.MarketClock;
import com.sharewise.rules.model.OpenOrders;
import com.sharewise.rules.model.OrderIntent;
import com.sharewise.rules.model.OrderRate;
import com.sharewise.rules.model.PositionFact;
import com.sharewise.rules.model.QuoteFact;
import com.sharewise.rules.model.SignalFact;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Fills in what a caller left out of a {@link RiskContext}: neutral facts, the limits from the
 * current {@link LimitData}, the market clock. Allocation is kept to the facts themselves: this
 * runs on every order. Thread-safe.
 */
public final class FactResolver {

  private final Supplier<LimitData> limits;
  private final Clock clock;
  private final Set<Long> holidays;

  /**
   * @param limits the current limits (read once per evaluation)
   * @param holidays exchange holidays as epoch days (IST dates)
   */
  public FactResolver(Supplier<LimitData> limits, Clock clock, Set<Long> holidays) {
    this.limits = limits;
    this.clock = clock;
    this.holidays = Set.copyOf(holidays);
  }

  /** The market clock at {@code epochMillis}, in IST (which has no daylight saving). */
  public MarketClock clockAt(long epochMillis) {
    return MarketClock.at(epochMillis, holidays.contains(Ist.epochDay(epochMillis)));
  }

  public RiskFacts risk(OrderIntent order, RiskContext context) {
    return risk(order, context, limits.get());
  }

  /** Resolves with an explicit limit snapshot (scenarios and replays use theirs). */
  public RiskFacts risk(OrderIntent order, RiskContext context, LimitData data) {
    String accountId = order.accountId();
    String instrument = order.instrument();
    Account account =
        context.account() != null ? context.account() : new Account(accountId, "", true, true);
    QuoteFact quote =
        context.quote() != null
            ? context.quote()
            : new QuoteFact(instrument, order.referencePrice(), 0, 0, 0);
    List<PositionFact> positions = context.positions();
    if (!hasPosition(positions, instrument)) {
      List<PositionFact> withFlat = new ArrayList<>(positions.size() + 1);
      withFlat.addAll(positions);
      withFlat.add(new PositionFact(accountId, instrument, 0, 0, quote.lastPrice()));
      positions = withFlat;
    }
    return new RiskFacts(
        order,
        account,
        context.limits() != null ? context.limits() : data.limitsFor(accountId),
        quote,
        positions,
        context.exposure() != null ? context.exposure() : new Exposure(accountId, 0, 0, 0),
        context.pnl() != null ? context.pnl() : new DailyPnl(accountId, 0, 0),
        context.openOrders() != null ? context.openOrders() : new OpenOrders(accountId, 0),
        context.rate() != null ? context.rate() : new OrderRate(accountId, 0, 0),
        context.clock() != null ? context.clock() : clockAt(clock.millis()),
        data.restricted().get(instrument),
        data.instrumentLimits().get(instrument));
  }

  private static boolean hasPosition(List<PositionFact> positions, String instrument) {
    for (int i = 0; i < positions.size(); i++) {
      if (positions.get(i).instrument().equals(instrument)) {
        return true;
      }
    }
    return false;
  }

  public SignalFacts signal(SignalFact signal, SignalContext context) {
    return signal(signal, context, limits.get());
  }

  public SignalFacts signal(SignalFact signal, SignalContext context, LimitData data) {
    String accountId = signal.accountId();
    Account account =
        context.account() != null ? context.account() : new Account(accountId, "", true, true);
    QuoteFact quote =
        context.quote() != null
            ? context.quote()
            : new QuoteFact(signal.instrument(), signal.price(), 0, 0, 0);
    return new SignalFacts(
        signal,
        account,
        context.limits() != null ? context.limits() : data.limitsFor(accountId),
        quote,
        context.position() != null
            ? context.position()
            : new PositionFact(accountId, signal.instrument(), 0, 0, quote.lastPrice()),
        context.clock() != null ? context.clock() : clockAt(clock.millis()));
  }
}
