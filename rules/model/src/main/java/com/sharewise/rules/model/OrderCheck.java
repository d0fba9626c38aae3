package com.sharewise.rules.model;

/**
 * One order intent with everything a risk or workflow rule judges it against, and the decision the
 * rules answer on: the fact to write risk and workflow rules about.
 *
 * <p>A rule that reads only this fact is a single pattern, so the engine checks its conditions as
 * the fact arrives and joins nothing; most orders break no rule, and for them nothing else happens.
 * That makes a 20-rule risk check several times faster than the same rules written as joins of
 * {@link OrderIntent}, {@link Limits}, {@link QuoteFact}… (which still works: those facts are
 * inserted too whenever a rule set names them). Bind what the action needs inside the pattern:
 *
 * <pre>{@code
 * rule "max order quantity"
 * when
 *     OrderCheck( $d : decision, $o : order, $l : limits,
 *                 limits.maxOrderQuantity > 0, order.quantity > limits.maxOrderQuantity )
 * then
 *     $d.reject("order quantity " + $o.quantity() + " exceeds " + $l.maxOrderQuantity());
 * end
 * }</pre>
 *
 * <p>Every component but {@code restricted} and {@code instrumentLimit} is present; left-out
 * context is filled with neutral values (a flat position, zero counters). Built per evaluation by
 * the platform; not shared between threads.
 *
 * @param order the order being judged
 * @param account the order's account
 * @param limits the account's limits
 * @param quote the latest quote of the order's instrument
 * @param position the account's position in the order's instrument (flat if none)
 * @param exposure the account's exposure
 * @param pnl the account's profit and loss today
 * @param openOrders the account's open orders, not counting this one
 * @param rate the account's recent order rate, not counting this order
 * @param clock the time of the check
 * @param restricted why the order's instrument is restricted, or null when it is not
 * @param instrumentLimit the order instrument's own position limit, or null when it has none
 * @param decision the answer; rules speak by calling its methods
 */
public record OrderCheck(
    OrderIntent order,
    Account account,
    Limits limits,
    QuoteFact quote,
    PositionFact position,
    Exposure exposure,
    DailyPnl pnl,
    OpenOrders openOrders,
    OrderRate rate,
    MarketClock clock,
    RestrictedInstrument restricted,
    InstrumentLimit instrumentLimit,
    Decision decision) {

  /** The net position in the order's instrument if the order filled completely. */
  public long quantityAfter() {
    return position.quantityAfter(order);
  }

  /** Whether filling the order would make the position larger in absolute terms. */
  public boolean increasesPosition() {
    return Math.abs(quantityAfter()) > Math.abs(position.quantity());
  }
}
