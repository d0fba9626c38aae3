package com.sharewise.backtest.internal;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.trading.Fill;
import com.sharewise.api.trading.OrderSide;
import com.sharewise.backtest.metrics.ClosedTrade;
import com.sharewise.orders.AccountFill;
import com.sharewise.orders.OrderListener;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The backtest's own view of the account, in {@code double}s, for the per-bar equity curve: cash
 * (as the portfolio counts it: opening cash − bought + sold − charges) and the net quantity per
 * instrument, marked at each bar's close. The order path's {@code Portfolio} keeps the exact
 * decimal books the rules read; reading it per bar would cost {@code BigDecimal} arithmetic a
 * million times, so this ledger follows the same fills instead.
 *
 * <p>It also matches fills into closed round trips, first in first out: each opening order is a lot
 * (its fills merged), and the fills of one closing order against one lot make one {@link
 * ClosedTrade}, whose pnl is net of its share of both legs' charges.
 *
 * <p>Confined to the backtest's thread; fills arrive through {@link OrderListener#filled} on it.
 */
public final class Ledger implements OrderListener {

  private final InstrumentIndex index;
  private final long accountId;
  private final long[] quantity;
  private final double[] mark;
  private final List<ArrayDeque<Lot>> lots;
  private final List<ClosedTrade> trades = new ArrayList<>();
  private final List<AccountFill> fills = new ArrayList<>();
  private double cash;
  private double positionsValue;
  private int open;
  // the trade last produced and what it matched, so further fills of the same pair extend it
  private Lot lastLot;
  private String lastExitOrder = "";

  public Ledger(InstrumentIndex index, long accountId, double openingCash) {
    this.index = index;
    this.accountId = accountId;
    this.quantity = new long[index.size()];
    this.mark = new double[index.size()];
    this.lots = new ArrayList<>(index.size());
    for (int i = 0; i < index.size(); i++) {
      lots.add(new ArrayDeque<>());
    }
    this.cash = openingCash;
  }

  /** Instrument {@code i} closed at {@code price}: its position is marked there. */
  public void mark(int i, double price) {
    long q = quantity[i];
    if (q != 0) {
      positionsValue += q * (price - mark[i]);
    }
    mark[i] = price;
  }

  /** Cash plus every position at its latest mark, rupees. */
  public double equity() {
    return cash + positionsValue;
  }

  /** Whether any position is open. */
  public boolean inMarket() {
    return open > 0;
  }

  public double cash() {
    return cash;
  }

  /** The net quantity of instrument {@code i}. */
  public long quantity(int i) {
    return quantity[i];
  }

  /** Every fill booked, in order. */
  public List<AccountFill> fills() {
    return List.copyOf(fills);
  }

  /** The closed round trips so far, in the order they closed. */
  public List<ClosedTrade> trades() {
    return List.copyOf(trades);
  }

  @Override
  public void filled(AccountFill accountFill) {
    if (accountFill.accountId() != accountId) {
      return;
    }
    fills.add(accountFill);
    Fill fill = accountFill.fill();
    int i = index.indexOf(fill.instrument());
    if (i < 0) {
      throw new IllegalStateException("a fill of " + fill.instrument() + ", which is not traded");
    }
    double price = fill.price().doubleValue();
    double charges = fill.charges().doubleValue();
    long signed = fill.side() == OrderSide.BUY ? fill.quantity() : -fill.quantity();
    cash -= signed * price + charges;
    long before = quantity[i];
    quantity[i] = before + signed;
    positionsValue += signed * mark[i];
    if (before == 0 && quantity[i] != 0) {
      open++;
    } else if (before != 0 && quantity[i] == 0) {
      open--;
    }
    match(i, accountFill, signed, price, charges);
  }

  private void match(int i, AccountFill accountFill, long signed, double price, double charges) {
    Fill fill = accountFill.fill();
    ArrayDeque<Lot> queue = lots.get(i);
    double chargePerShare = charges / fill.quantity();
    long left = Math.abs(signed);
    while (left > 0 && !queue.isEmpty() && queue.peekFirst().sign != Long.signum(signed)) {
      Lot lot = queue.peekFirst();
      long matched = Math.min(left, lot.remaining);
      close(i, lot, accountFill.orderId(), matched, price, chargePerShare, fill.time());
      lot.remaining -= matched;
      left -= matched;
      if (lot.remaining == 0) {
        queue.pollFirst();
      }
    }
    if (left > 0) {
      Lot last = queue.peekLast();
      if (last != null && last.orderId.equals(accountFill.orderId()) && last.remaining > 0) {
        last.add(left, price, chargePerShare);
      } else {
        queue.addLast(
            new Lot(accountFill.orderId(), Long.signum(signed), left, price, chargePerShare, fill));
      }
    }
  }

  private void close(
      int i, Lot lot, String exitOrder, long q, double price, double chargePerShare, Instant at) {
    double charges = q * (lot.chargePerShare + chargePerShare);
    double gross = lot.sign * q * (price - lot.price);
    if (lot == lastLot && exitOrder.equals(lastExitOrder) && !trades.isEmpty()) {
      ClosedTrade was = trades.remove(trades.size() - 1);
      long total = was.quantity() + q;
      trades.add(
          new ClosedTrade(
              was.instrument(),
              was.side(),
              was.entryTime(),
              at,
              was.entryPrice(),
              (was.exitPrice() * was.quantity() + price * q) / total,
              total,
              was.pnl() + gross - charges,
              was.charges() + charges));
      return;
    }
    InstrumentId instrument = index.get(i);
    trades.add(
        new ClosedTrade(
            instrument,
            lot.sign > 0 ? OrderSide.BUY : OrderSide.SELL,
            lot.time,
            at,
            lot.price,
            price,
            q,
            gross - charges,
            charges));
    lastLot = lot;
    lastExitOrder = exitOrder;
  }

  /** Shares opened by one order and not yet closed, at their average price. */
  private static final class Lot {
    private final String orderId;
    private final int sign;
    private final Instant time;
    private long remaining;
    private double price;
    private double chargePerShare;

    Lot(String orderId, int sign, long quantity, double price, double chargePerShare, Fill fill) {
      this.orderId = orderId;
      this.sign = sign;
      this.remaining = quantity;
      this.price = price;
      this.chargePerShare = chargePerShare;
      this.time = fill.time();
    }

    void add(long quantity, double fillPrice, double fillChargePerShare) {
      long total = remaining + quantity;
      price = (price * remaining + fillPrice * quantity) / total;
      chargePerShare = (chargePerShare * remaining + fillChargePerShare * quantity) / total;
      remaining = total;
    }
  }
}
