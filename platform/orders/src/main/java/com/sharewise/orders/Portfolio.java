package com.sharewise.orders;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Ist;
import com.sharewise.api.market.QuoteSource;
import com.sharewise.api.market.Tick;
import com.sharewise.api.trading.Fill;
import com.sharewise.api.trading.OrderSide;
import com.sharewise.api.trading.Product;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

/**
 * Positions and cash per account, built from fills only (average-cost method, exact decimals) and
 * marked to the quote book when read. Rebuilt after a restart by replaying the journal's fills.
 * Thread-safe: each account's book is changed under its own lock.
 */
public final class Portfolio {

  private static final int PRICE_SCALE = 4;
  private static final Comparator<PositionView> BY_INSTRUMENT =
      Comparator.comparing((PositionView p) -> p.instrument().toString());

  private final QuoteSource quotes;
  private final PositionMirror mirror;
  private final LongFunction<BigDecimal> openingCash;
  private final java.time.Clock clock;
  private final Map<Long, Book> books = new ConcurrentHashMap<>();
  // the last mark per instrument: a quote's price becomes a decimal once, not once per read
  private final Map<InstrumentId, Mark> marks = new ConcurrentHashMap<>();

  /**
   * @param quotes prices to mark positions
   * @param mirror where positions are shared with other nodes
   * @param openingCash each account's starting cash
   * @param clock the platform clock (decides what "today" is)
   */
  public Portfolio(
      QuoteSource quotes,
      PositionMirror mirror,
      LongFunction<BigDecimal> openingCash,
      java.time.Clock clock) {
    this.quotes = quotes;
    this.mirror = mirror;
    this.openingCash = openingCash;
    this.clock = clock;
  }

  /** Books a fill. Call once per fill id (the order path deduplicates). */
  public void apply(AccountFill fill) {
    Book book = books.computeIfAbsent(fill.accountId(), Book::new);
    PositionView changed;
    synchronized (book) {
      changed = book.apply(fill, Ist.date(fill.fill().time()));
    }
    if (mirror != PositionMirror.NONE) { // nobody to tell (a backtest): spare marking it
      mirror.put(mark(changed));
    }
  }

  /** The account's positions (open and closed today), marked to the latest quotes. */
  public List<PositionView> positions(long accountId) {
    Book book = books.get(accountId);
    if (book == null) {
      return mirror.of(accountId).stream().map(this::mark).toList();
    }
    List<PositionView> marked;
    synchronized (book) {
      marked = book.views();
    }
    for (int i = 0; i < marked.size(); i++) {
      marked.set(i, mark(marked.get(i)));
    }
    if (marked.size() > 1) {
      marked.sort(BY_INSTRUMENT);
    }
    return Collections.unmodifiableList(marked);
  }

  /** The account's cash, P&amp;L and exposure. */
  public PortfolioSummary summary(long accountId) {
    return summary(accountId, positions(accountId));
  }

  /**
   * The account's cash, P&amp;L and exposure, from its {@code positions} as {@link #positions} just
   * gave them: for a caller that needs both, which then marks the positions once.
   */
  public PortfolioSummary summary(long accountId, List<PositionView> positions) {
    BigDecimal opening = openingCash.apply(accountId);
    BigDecimal cashFlow = BigDecimal.ZERO;
    BigDecimal realisedToday = BigDecimal.ZERO;
    Book book = books.get(accountId);
    if (book != null) {
      synchronized (book) {
        cashFlow = book.cashFlow;
        realisedToday =
            book.realisedDay.equals(Ist.date(clock.instant()))
                ? book.realisedToday
                : BigDecimal.ZERO;
      }
    }
    BigDecimal realised = BigDecimal.ZERO;
    BigDecimal unrealised = BigDecimal.ZERO;
    BigDecimal charges = BigDecimal.ZERO;
    BigDecimal holdings = BigDecimal.ZERO;
    BigDecimal gross = BigDecimal.ZERO;
    BigDecimal signedValue = BigDecimal.ZERO;
    int open = 0;
    for (PositionView p : positions) {
      realised = realised.add(p.realisedPnl());
      unrealised = unrealised.add(p.unrealisedPnl());
      charges = charges.add(p.charges());
      gross = gross.add(p.marketValue());
      signedValue = signedValue.add(p.lastPrice().multiply(BigDecimal.valueOf(p.quantity())));
      if (p.product() == Product.CNC && p.quantity() > 0) {
        holdings = holdings.add(p.marketValue());
      }
      if (p.quantity() != 0) {
        open++;
      }
    }
    BigDecimal cash = opening.add(cashFlow);
    return new PortfolioSummary(
        accountId,
        opening,
        cash,
        realised,
        realisedToday,
        unrealised,
        charges,
        holdings,
        gross,
        cash.add(signedValue),
        open);
  }

  private PositionView mark(PositionView p) {
    BigDecimal last = p.averagePrice();
    Optional<Tick> quote = quotes.latest(p.instrument());
    if (quote.isPresent()) {
      double price = quote.get().lastPrice();
      if (price > 0 && Double.isFinite(price)) {
        last = decimal(p.instrument(), price);
      }
    }
    BigDecimal unrealised =
        p.quantity() == 0
            ? BigDecimal.ZERO
            : last.subtract(p.averagePrice()).multiply(BigDecimal.valueOf(p.quantity()));
    return new PositionView(
        p.accountId(),
        p.instrument(),
        p.product(),
        p.quantity(),
        p.averagePrice(),
        p.realisedPnl(),
        last,
        unrealised,
        p.charges(),
        p.boughtQuantity(),
        p.soldQuantity());
  }

  /**
   * {@code price} to four decimals, as the last mark of {@code instrument} if it had that price.
   */
  private BigDecimal decimal(InstrumentId instrument, double price) {
    Mark last = marks.get(instrument);
    if (last != null && last.price() == price) {
      return last.decimal();
    }
    BigDecimal decimal = BigDecimal.valueOf(price).setScale(PRICE_SCALE, RoundingMode.HALF_EVEN);
    marks.put(instrument, new Mark(price, decimal));
    return decimal;
  }

  /** A price and its decimal. */
  private record Mark(double price, BigDecimal decimal) {}

  /** One account's positions and cash flow. Guarded by its own monitor. */
  private static final class Book {
    private final long accountId;
    private final Map<String, Lot> lots = new HashMap<>();
    private BigDecimal cashFlow = BigDecimal.ZERO;
    private BigDecimal realisedToday = BigDecimal.ZERO;
    private LocalDate realisedDay = LocalDate.MIN;

    Book(long accountId) {
      this.accountId = accountId;
    }

    PositionView apply(AccountFill accountFill, LocalDate day) {
      Fill fill = accountFill.fill();
      Lot lot =
          lots.computeIfAbsent(
              fill.instrument() + "|" + accountFill.product(),
              k -> new Lot(fill.instrument(), accountFill.product()));
      BigDecimal realised = lot.apply(fill);
      BigDecimal value = fill.value();
      cashFlow =
          cashFlow
              .add(fill.side() == OrderSide.BUY ? value.negate() : value)
              .subtract(fill.charges());
      if (!day.equals(realisedDay)) {
        realisedDay = day;
        realisedToday = BigDecimal.ZERO;
      }
      realisedToday = realisedToday.add(realised);
      return lot.view(accountId);
    }

    /** The positions unmarked, in a new list the caller may change. */
    List<PositionView> views() {
      List<PositionView> views = new ArrayList<>(lots.size());
      for (Lot lot : lots.values()) {
        views.add(lot.view(accountId));
      }
      return views;
    }
  }

  /** Net quantity and average cost in one instrument and product. */
  private static final class Lot {
    private final InstrumentId instrument;
    private final Product product;
    private long quantity;
    private BigDecimal average = BigDecimal.ZERO;
    private BigDecimal realised = BigDecimal.ZERO;
    private BigDecimal charges = BigDecimal.ZERO;
    private long bought;
    private long sold;

    Lot(InstrumentId instrument, Product product) {
      this.instrument = instrument;
      this.product = product;
    }

    /** Applies a fill; returns the P&amp;L it realised. */
    BigDecimal apply(Fill fill) {
      long signed = fill.side() == OrderSide.BUY ? fill.quantity() : -fill.quantity();
      if (fill.side() == OrderSide.BUY) {
        bought += fill.quantity();
      } else {
        sold += fill.quantity();
      }
      charges = charges.add(fill.charges());
      BigDecimal booked = BigDecimal.ZERO;
      if (quantity == 0 || Long.signum(quantity) == Long.signum(signed)) {
        long total = Math.abs(quantity) + fill.quantity();
        average =
            average
                .multiply(BigDecimal.valueOf(Math.abs(quantity)))
                .add(fill.value())
                .divide(BigDecimal.valueOf(total), MathContext.DECIMAL64)
                .setScale(PRICE_SCALE, RoundingMode.HALF_EVEN);
        quantity += signed;
        return booked;
      }
      long closing = Math.min(Math.abs(quantity), fill.quantity());
      booked =
          fill.price()
              .subtract(average)
              .multiply(BigDecimal.valueOf(closing * Long.signum(quantity)));
      realised = realised.add(booked);
      quantity += signed;
      if (quantity == 0) {
        average = BigDecimal.ZERO;
      } else if (Long.signum(quantity) == Long.signum(signed)) {
        average =
            fill.price().setScale(PRICE_SCALE, RoundingMode.HALF_EVEN); // crossed through flat
      }
      return booked;
    }

    PositionView view(long accountId) {
      return new PositionView(
          accountId,
          instrument,
          product,
          quantity,
          average,
          realised,
          average,
          BigDecimal.ZERO,
          charges,
          bought,
          sold);
    }
  }
}
