package com.sharewise.broker.paper.internal;

import com.sharewise.api.market.Tick;
import com.sharewise.api.trading.OrderSide;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * How the paper broker prices executions: at the opposite side of the quote (the ask for a buy, the
 * bid for a sell, the last price when that side is missing) or at a depth level's price, moved
 * against the trader by the slippage, then rounded to the instrument's tick, again against the
 * trader, so slippage is never rounded away. Immutable.
 */
final class Prices {

  /** NSE's tick for most equities, used for instruments the platform has no reference data for. */
  static final BigDecimal DEFAULT_TICK = new BigDecimal("0.05");

  private static final BigDecimal BASIS_POINTS = BigDecimal.valueOf(10_000);

  private final BigDecimal buyFactor;
  private final BigDecimal sellFactor;

  /**
   * @param slippageBps how far fills move against the trader, in hundredths of a percent
   */
  Prices(double slippageBps) {
    BigDecimal slippage = BigDecimal.valueOf(slippageBps).divide(BASIS_POINTS);
    this.buyFactor = BigDecimal.ONE.add(slippage);
    this.sellFactor = BigDecimal.ONE.subtract(slippage);
  }

  /** The quoted price an order of {@code side} trades against, or empty when there is none. */
  static Optional<BigDecimal> quoted(OrderSide side, Tick quote) {
    double price = side == OrderSide.BUY ? quote.ask() : quote.bid();
    if (!usable(price)) {
      price = quote.lastPrice();
    }
    return decimal(price);
  }

  /**
   * The price a quote says the instrument is at, for the circuit band: the last trade, else the
   * middle of bid and ask, else whichever side there is.
   */
  static Optional<BigDecimal> reference(Tick quote) {
    if (usable(quote.lastPrice())) {
      return decimal(quote.lastPrice());
    }
    if (usable(quote.bid()) && usable(quote.ask())) {
      return Optional.of(
          BigDecimal.valueOf(quote.bid())
              .add(BigDecimal.valueOf(quote.ask()))
              .divide(BigDecimal.TWO));
    }
    return decimal(usable(quote.bid()) ? quote.bid() : quote.ask());
  }

  /** {@code price} as an exact decimal, or empty when it is no price (NaN, zero, negative). */
  static Optional<BigDecimal> decimal(double price) {
    // valueOf gives the shortest decimal for the double, so 1523.55 stays exactly 1523.55.
    return usable(price) ? Optional.of(BigDecimal.valueOf(price)) : Optional.empty();
  }

  /**
   * The execution price for {@code side} against {@code quoted}, after slippage and rounding to
   * {@code tick}; never below one tick.
   */
  BigDecimal execution(OrderSide side, BigDecimal quoted, BigDecimal tick) {
    boolean buy = side == OrderSide.BUY;
    BigDecimal slipped = quoted.multiply(buy ? buyFactor : sellFactor);
    return slipped
        .divide(tick, 0, buy ? RoundingMode.CEILING : RoundingMode.FLOOR)
        .multiply(tick)
        .max(tick);
  }

  /** True when {@code price} is a whole multiple of {@code tick}. */
  static boolean onTick(BigDecimal price, BigDecimal tick) {
    return price.remainder(tick).signum() == 0;
  }

  /** {@code value / quantity} to at most four decimals, shown with at least two (paise). */
  static BigDecimal average(BigDecimal value, long quantity) {
    BigDecimal average =
        value.divide(BigDecimal.valueOf(quantity), 4, RoundingMode.HALF_EVEN).stripTrailingZeros();
    return average.scale() < 2 ? average.setScale(2) : average;
  }

  /** True for a price one can trade at: finite and above zero. */
  static boolean usable(double price) {
    return Double.isFinite(price) && price > 0;
  }
}
