package com.sharewise.broker.paper.internal;

import com.sharewise.api.market.Exchange;
import com.sharewise.api.trading.OrderSide;
import com.sharewise.api.trading.Product;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What an execution costs beyond its price under Indian equity charges: brokerage, STT, the
 * exchange's transaction charge, SEBI's fee, stamp duty and GST, at the account's {@link FeeRates}.
 *
 * <p>Each charge is worked out on the fill's turnover and rounded to the paisa (half up), as a
 * contract note shows them; GST is 18% (by default) of the rounded brokerage, exchange charge and
 * SEBI fee. Brokerage is per executed order, so only an order's first fill pays it, on that fill's
 * turnover. CNC is charged as delivery; MIS and NRML as intraday (the model is the equity schedule;
 * the paper broker has no separate F&amp;O schedule). BSE and BFO pay the BSE exchange charge,
 * every other exchange the NSE one. Immutable and thread-safe.
 */
final class FeeModel {

  /** A crore is 10^7 rupees. */
  private static final int CRORE_DIGITS = 7;

  private final FeeRates rates;

  FeeModel(FeeRates rates) {
    this.rates = rates;
  }

  /**
   * The charges of one fill.
   *
   * @param turnover quantity × price of the fill, in rupees
   * @param firstFillOfOrder whether this is the order's first fill, which pays the brokerage
   */
  Charges charges(
      Exchange exchange,
      Product product,
      OrderSide side,
      BigDecimal turnover,
      boolean firstFillOfOrder) {
    boolean delivery = product == Product.CNC;
    boolean buy = side == OrderSide.BUY;
    BigDecimal brokerage =
        firstFillOfOrder
            ? paise(
                percent(
                        turnover,
                        delivery
                            ? rates.brokerageDeliveryPercent()
                            : rates.brokerageIntradayPercent())
                    .min(rates.brokerageCap()))
            : zero();
    BigDecimal stt =
        paise(
            delivery
                ? percent(turnover, rates.sttDeliveryPercent())
                : buy ? BigDecimal.ZERO : percent(turnover, rates.sttIntradaySellPercent()));
    boolean bse = exchange == Exchange.BSE || exchange == Exchange.BFO;
    BigDecimal exchangeCharge =
        paise(percent(turnover, bse ? rates.exchangeBsePercent() : rates.exchangeNsePercent()));
    BigDecimal sebiFee =
        paise(turnover.multiply(rates.sebiFeePerCrore()).movePointLeft(CRORE_DIGITS));
    BigDecimal stampDuty =
        paise(
            buy
                ? percent(
                    turnover,
                    delivery ? rates.stampDutyDeliveryPercent() : rates.stampDutyIntradayPercent())
                : BigDecimal.ZERO);
    BigDecimal gst = paise(percent(brokerage.add(exchangeCharge).add(sebiFee), rates.gstPercent()));
    return new Charges(brokerage, stt, exchangeCharge, sebiFee, stampDuty, gst);
  }

  /**
   * {@code amount × percent / 100}, exact. Moving the decimal point gives the value an exact
   * division by 100 gives (only the scale may differ, and every charge is then rounded to the
   * paisa), without a division's cost, which was most of a fill's.
   */
  private static BigDecimal percent(BigDecimal amount, BigDecimal percent) {
    return amount.multiply(percent).movePointLeft(2);
  }

  private static BigDecimal paise(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP);
  }

  private static BigDecimal zero() {
    return BigDecimal.ZERO.setScale(2);
  }

  /**
   * One fill's charges, in rupees to the paisa.
   *
   * @param brokerage the broker's fee (only on an order's first fill)
   * @param stt securities transaction tax
   * @param exchangeCharge the exchange's transaction charge
   * @param sebiFee SEBI's turnover fee
   * @param stampDuty stamp duty (buys only)
   * @param gst GST on brokerage, exchange charge and SEBI fee
   */
  record Charges(
      BigDecimal brokerage,
      BigDecimal stt,
      BigDecimal exchangeCharge,
      BigDecimal sebiFee,
      BigDecimal stampDuty,
      BigDecimal gst) {

    /** Everything together: what {@code Fill.charges} reports. */
    BigDecimal total() {
      return brokerage.add(stt).add(exchangeCharge).add(sebiFee).add(stampDuty).add(gst);
    }
  }
}
