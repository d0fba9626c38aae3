package com.sharewise.strategies;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.QuoteSource;
import com.sharewise.api.market.Tick;
import com.sharewise.orders.AccountDirectory;
import com.sharewise.orders.Portfolio;
import com.sharewise.orders.PositionView;
import com.sharewise.rules.SignalContext;
import com.sharewise.rules.model.Account;
import com.sharewise.rules.model.MarketClock;
import com.sharewise.rules.model.PositionFact;
import com.sharewise.rules.model.QuoteFact;
import java.time.Clock;
import java.time.Instant;

/**
 * The signal rules' facts from the order area: the account, its net position in the instrument (all
 * products together, marked to the quote book) and the latest quote. Used live, and by backtests
 * over their in-memory portfolio with a simulated clock. Thread-safe.
 */
public final class LiveSignalFacts implements SignalFacts {

  private final AccountDirectory accounts;
  private final QuoteSource quotes;
  private final Portfolio portfolio;
  private final Clock clock;
  private final boolean simulatedClock;

  /**
   * @param simulatedClock true in backtests: the rules then judge trading hours by {@code clock}
   *     instead of their own wall clock
   */
  public LiveSignalFacts(
      AccountDirectory accounts,
      QuoteSource quotes,
      Portfolio portfolio,
      Clock clock,
      boolean simulatedClock) {
    this.accounts = accounts;
    this.quotes = quotes;
    this.portfolio = portfolio;
    this.clock = clock;
    this.simulatedClock = simulatedClock;
  }

  @Override
  public SignalContext context(long accountId, InstrumentId instrument) {
    String id = Long.toString(accountId);
    Instant now = clock.instant();
    Account account =
        accounts
            .find(accountId)
            .map(a -> new Account(id, a.brokerId(), true, a.enabled()))
            .orElse(new Account(id, "", true, false));
    long quantity = 0;
    double cost = 0;
    double last = 0;
    for (PositionView p : portfolio.positions(accountId)) {
      if (p.instrument().equals(instrument)) {
        quantity += p.quantity();
        cost += p.quantity() * p.averagePrice().doubleValue();
        last = p.lastPrice().doubleValue();
      }
    }
    QuoteFact quote = quotes.latest(instrument).map(t -> quote(t, now)).orElse(null);
    if (quote != null && quote.lastPrice() > 0) {
      last = quote.lastPrice();
    }
    PositionFact position =
        new PositionFact(
            id, instrument.toString(), quantity, quantity == 0 ? 0 : cost / quantity, last);
    return new SignalContext(
        account, null, quote, position, simulatedClock ? marketClock(now) : null);
  }

  private static QuoteFact quote(Tick t, Instant now) {
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
