package com.sharewise.marketdata.feed;

import com.sharewise.api.market.DepthLevel;
import com.sharewise.api.market.Instrument;
import com.sharewise.api.market.MarketDepth;
import com.sharewise.api.market.Tick;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One instrument's simulated market for one session: a geometric random walk whose variance follows
 * a GARCH diffusion (Nelson's continuous-time limit of GARCH(1,1)), so large moves are followed by
 * large moves and volatility clusters over minutes, as in real markets; plus a shared market
 * factor, a bid/ask spread that widens with volatility, five levels of depth and trade sizes with
 * the intraday U-shape of volume.
 *
 * <p>Every price is a whole number of ticks. Deterministic: the same seed and the same sequence of
 * {@link #step} calls give the same ticks. Not thread-safe (one simulator thread drives it).
 */
public final class PricePath {

  /** Seconds of continuous trading in a year: 252 sessions of 6 h 15 min. */
  static final double TRADING_SECONDS_PER_YEAR = 252 * 22_500.0;

  private static final int DEPTH_LEVELS = 5;
  private static final double MEAN_TRADE_VALUE = 150_000.0; // rupees

  /**
   * How the variance moves.
   *
   * @param reversionPerSecond how fast variance returns to its long-run level (1/1800 s: half an
   *     hour)
   * @param volOfVariance the GARCH shock's weight per √second; 0 turns clustering off
   * @param marketCorrelation how much of each return is the shared market factor (0..1)
   */
  public record Dynamics(
      double reversionPerSecond, double volOfVariance, double marketCorrelation) {
    /**
     * Realistic defaults: half-hour reversion and a fat-tailed stationary variance (inverse-gamma
     * with shape 2.5), so quiet and hectic spells alternate over the day and absolute one-minute
     * returns are autocorrelated (about 0.1–0.25 at lags up to ten minutes, as in real equity
     * markets); market correlation 0.4.
     */
    public static final Dynamics DEFAULT =
        new Dynamics(1.0 / 1800, Math.sqrt(2.0 / 1800 / 1.5), 0.4);

    /** Constant volatility (a plain geometric random walk), for comparison in tests. */
    public static Dynamics constant(double marketCorrelation) {
      return new Dynamics(1.0 / 1800, 0, marketCorrelation);
    }
  }

  private final Instrument instrument;
  private final Dynamics dynamics;
  private final SplittableRandom random;
  private final double tickSize;
  private final long ticksPerUnit; // 1 / tickSize when that is a whole number, else 0
  private final int lotSize;
  private final double longRunVariance; // per second
  private final double sessionSeconds;
  private double logPrice;
  private double variance;
  private long volume;

  /**
   * @param instrument tick and lot size come from here
   * @param openPrice where the session starts
   * @param annualVolatility long-run volatility, e.g. 0.25
   * @param sessionSeconds length of the session, for the intraday volume profile
   * @param random this instrument's random stream for this session
   */
  public PricePath(
      Instrument instrument,
      Dynamics dynamics,
      double openPrice,
      double annualVolatility,
      double sessionSeconds,
      SplittableRandom random) {
    this.instrument = instrument;
    this.dynamics = dynamics;
    this.random = random;
    this.tickSize = instrument.tickSize().doubleValue();
    BigDecimal reciprocal =
        BigDecimal.ONE.divide(instrument.tickSize(), 12, RoundingMode.HALF_EVEN);
    this.ticksPerUnit =
        reciprocal.stripTrailingZeros().scale() <= 0 ? reciprocal.longValueExact() : 0;
    this.lotSize = instrument.lotSize();
    this.longRunVariance = annualVolatility * annualVolatility / TRADING_SECONDS_PER_YEAR;
    this.variance = longRunVariance;
    this.sessionSeconds = sessionSeconds;
    this.logPrice = Math.log(Math.max(openPrice, 2 * tickSize));
  }

  /**
   * Advances the path by {@code dtSeconds} without producing a tick (catching up to a start time in
   * the middle of a session), adding the volume that would have traded meanwhile.
   */
  public void skip(double dtSeconds, double marketShock, double ticksPerSecond) {
    evolve(dtSeconds, marketShock);
    double trades = dtSeconds * ticksPerSecond;
    volume += Math.round(trades * MEAN_TRADE_VALUE / Math.exp(logPrice));
  }

  /**
   * Advances the path by {@code dtSeconds} and returns the tick at {@code time}.
   *
   * @param secondsSinceOpen where in the session {@code time} is, for the volume profile
   * @param marketShock the market factor's standard normal shock for this instant
   */
  public Tick step(Instant time, double dtSeconds, double secondsSinceOpen, double marketShock) {
    evolve(dtSeconds, marketShock);
    double fair = Math.exp(logPrice);
    double stress = Math.sqrt(variance / longRunVariance);
    long bid = Math.max(1, (long) Math.floor(fair / tickSize));
    int spread = 1 + (random.nextDouble() < 0.25 * stress ? 1 : 0);
    spread += random.nextDouble() < 0.04 * stress ? 1 : 0;
    long ask = bid + spread;
    boolean buyerInitiated = random.nextBoolean();
    long lastTicks = buyerInitiated ? ask : bid;
    double price = price(lastTicks);
    double activity = intradayActivity(secondsSinceOpen) * Math.min(3, stress);
    long quantity = lots(MEAN_TRADE_VALUE * activity / price, 0.9);
    volume += quantity;
    return new Tick(
        instrument.id(),
        time,
        price,
        quantity,
        volume,
        price(bid),
        price(ask),
        depth(bid, ask, price));
  }

  /** The current fair price (between bid and ask). */
  public double fairPrice() {
    return Math.exp(logPrice);
  }

  /** Current variance over its long-run level: above 1 in a volatile spell. */
  public double volatilityRatio() {
    return Math.sqrt(variance / longRunVariance);
  }

  private void evolve(double dt, double marketShock) {
    if (dt <= 0) {
      return;
    }
    double rho = dynamics.marketCorrelation();
    double z = rho * marketShock + Math.sqrt(1 - rho * rho) * random.nextGaussian();
    logPrice += Math.sqrt(variance * dt) * z - 0.5 * variance * dt;
    // GARCH diffusion: variance reverts to its long-run level and is shocked by the same z that
    // moved the price, so a large move raises the variance of the moves that follow.
    double shock = dynamics.volOfVariance() * Math.sqrt(dt / 2) * (z * z - 1);
    variance +=
        dynamics.reversionPerSecond() * (longRunVariance - variance) * Math.min(dt, 600)
            + variance * Math.max(-0.5, shock);
    variance = Math.max(longRunVariance / 25, Math.min(longRunVariance * 25, variance));
  }

  /** Volume is heavier after the open and before the close (the intraday U). */
  private double intradayActivity(double secondsSinceOpen) {
    double toClose = Math.max(0, sessionSeconds - secondsSinceOpen);
    return 0.7
        + 1.2 * Math.exp(-secondsSinceOpen / 1200.0)
        + 0.8 * Math.exp(-Math.min(toClose, 86_400) / 1500.0);
  }

  private long lots(double meanShares, double dispersion) {
    double shares =
        meanShares * Math.exp(dispersion * random.nextGaussian() - dispersion * dispersion / 2);
    long lots = Math.max(1, Math.round(shares / lotSize));
    return lots * lotSize;
  }

  private MarketDepth depth(long bid, long ask, double price) {
    List<DepthLevel> bids = new ArrayList<>(DEPTH_LEVELS);
    List<DepthLevel> asks = new ArrayList<>(DEPTH_LEVELS);
    double meanShares = 2.5 * MEAN_TRADE_VALUE / price;
    for (int level = 0; level < DEPTH_LEVELS; level++) {
      double deeper = 1 + 0.45 * level;
      if (bid - level >= 1) {
        long quantity = lots(meanShares * deeper, 0.7);
        bids.add(new DepthLevel(price(bid - level), quantity, orders(quantity, meanShares)));
      }
      long quantity = lots(meanShares * deeper, 0.7);
      asks.add(new DepthLevel(price(ask + level), quantity, orders(quantity, meanShares)));
    }
    return new MarketDepth(bids, asks);
  }

  private int orders(long quantity, double meanShares) {
    return (int) Math.max(1, Math.min(999, Math.round(quantity / (meanShares / 3))));
  }

  /** A whole number of ticks as a price, without binary noise where the tick allows. */
  double price(long ticks) {
    if (ticksPerUnit > 0) {
      // division by the exact reciprocal rounds once: 30001 / 20.0 is the double nearest 1500.05
      return ticks / (double) ticksPerUnit;
    }
    return instrument.tickSize().multiply(BigDecimal.valueOf(ticks)).doubleValue();
  }
}
