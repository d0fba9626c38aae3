package com.sharewise.rules.model;

/**
 * One strategy signal with everything a signal rule judges it against, and the decision the rules
 * answer on: the fact to write signal rules about.
 *
 * <p>As with {@link OrderCheck}, a rule that reads only this fact is a single pattern the engine
 * checks without joins, which is what keeps signal rules cheap in a backtest of a million bars.
 * Rules joining {@link SignalFact}, {@link Limits}, {@link PositionFact}… still work.
 *
 * <pre>{@code
 * rule "drop long entries when RSI is overbought"
 * when
 *     SignalCheck( $d : decision, signal.action == SignalAction.ENTER_LONG,
 *                  signal.number("rsi") > 70 )
 * then
 *     $d.drop("RSI is above 70: overbought");
 * end
 * }</pre>
 *
 * <p>Built per evaluation by the platform; not shared between threads.
 *
 * @param signal the signal being judged
 * @param account the account the strategy instance trades for
 * @param limits that account's limits
 * @param quote the latest quote of the signal's instrument
 * @param position the account's position in the signal's instrument (flat if none)
 * @param clock the time of the check
 * @param decision the answer; rules speak by calling its methods
 */
public record SignalCheck(
    SignalFact signal,
    Account account,
    Limits limits,
    QuoteFact quote,
    PositionFact position,
    MarketClock clock,
    SignalDecision decision) {}
