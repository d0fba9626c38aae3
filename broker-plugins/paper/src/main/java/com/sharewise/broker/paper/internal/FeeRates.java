package com.sharewise.broker.paper.internal;

import com.sharewise.api.param.ParameterSpec;
import com.sharewise.api.param.Parameters;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The rates of the paper broker's Indian equity fee model, each a setting of the account.
 *
 * <p>Percentages are of the fill's turnover (quantity × price). The defaults are Zerodha's
 * published equity schedule, so a paper account costs what a discount-broker account would.
 *
 * @param brokerageIntradayPercent brokerage on MIS and NRML orders, per executed order
 * @param brokerageDeliveryPercent brokerage on CNC (delivery) orders, per executed order
 * @param brokerageCap the most brokerage one executed order pays, in rupees
 * @param sttDeliveryPercent securities transaction tax on CNC buys and sells
 * @param sttIntradaySellPercent securities transaction tax on MIS and NRML sells (buys pay none)
 * @param exchangeNsePercent the exchange's transaction charge on NSE (and its segments)
 * @param exchangeBsePercent the exchange's transaction charge on BSE and BFO
 * @param sebiFeePerCrore SEBI's turnover fee, in rupees per crore (₹1,00,00,000) of turnover
 * @param stampDutyDeliveryPercent stamp duty on CNC buys (sells pay none)
 * @param stampDutyIntradayPercent stamp duty on MIS and NRML buys (sells pay none)
 * @param gstPercent GST on brokerage, exchange charge and SEBI fee together
 */
record FeeRates(
    BigDecimal brokerageIntradayPercent,
    BigDecimal brokerageDeliveryPercent,
    BigDecimal brokerageCap,
    BigDecimal sttDeliveryPercent,
    BigDecimal sttIntradaySellPercent,
    BigDecimal exchangeNsePercent,
    BigDecimal exchangeBsePercent,
    BigDecimal sebiFeePerCrore,
    BigDecimal stampDutyDeliveryPercent,
    BigDecimal stampDutyIntradayPercent,
    BigDecimal gstPercent) {

  /** Zerodha's equity schedule (brokerage, STT, NSE/BSE charges, SEBI, stamp duty, GST). */
  static final FeeRates ZERODHA =
      new FeeRates(
          new BigDecimal("0.03"),
          BigDecimal.ZERO,
          new BigDecimal("20"),
          new BigDecimal("0.1"),
          new BigDecimal("0.025"),
          new BigDecimal("0.00297"),
          new BigDecimal("0.00375"),
          new BigDecimal("10"),
          new BigDecimal("0.015"),
          new BigDecimal("0.003"),
          new BigDecimal("18"));

  FeeRates {
    Stream.of(
            brokerageIntradayPercent,
            brokerageDeliveryPercent,
            brokerageCap,
            sttDeliveryPercent,
            sttIntradaySellPercent,
            exchangeNsePercent,
            exchangeBsePercent,
            sebiFeePerCrore,
            stampDutyDeliveryPercent,
            stampDutyIntradayPercent,
            gstPercent)
        .forEach(
            rate -> {
              Objects.requireNonNull(rate, "fee rate");
              if (rate.signum() < 0) {
                throw new IllegalArgumentException("fee rates must not be negative, got " + rate);
              }
            });
  }

  /** The settings that configure the rates, with {@link #ZERODHA}'s values as defaults. */
  static List<ParameterSpec> specs() {
    FeeRates d = ZERODHA;
    return List.of(
        percent(
            "brokerageIntradayPercent",
            "Brokerage on MIS/NRML orders, % of turnover per executed order",
            d.brokerageIntradayPercent),
        percent(
            "brokerageDeliveryPercent",
            "Brokerage on CNC (delivery) orders, % of turnover per executed order",
            d.brokerageDeliveryPercent),
        ParameterSpec.decimal(
            "brokerageCapRupees",
            "The most brokerage one executed order pays, in rupees",
            d.brokerageCap.doubleValue(),
            0,
            10_000),
        percent(
            "sttDeliveryPercent",
            "Securities transaction tax on CNC buys and sells, % of turnover",
            d.sttDeliveryPercent),
        percent(
            "sttIntradaySellPercent",
            "Securities transaction tax on MIS/NRML sells, % of turnover",
            d.sttIntradaySellPercent),
        percent(
            "exchangeChargeNsePercent",
            "NSE transaction charge, % of turnover",
            d.exchangeNsePercent),
        percent(
            "exchangeChargeBsePercent",
            "BSE transaction charge, % of turnover",
            d.exchangeBsePercent),
        ParameterSpec.decimal(
            "sebiFeePerCrore",
            "SEBI turnover fee, rupees per crore of turnover",
            d.sebiFeePerCrore.doubleValue(),
            0,
            10_000),
        percent(
            "stampDutyDeliveryPercent",
            "Stamp duty on CNC buys, % of turnover",
            d.stampDutyDeliveryPercent),
        percent(
            "stampDutyIntradayPercent",
            "Stamp duty on MIS/NRML buys, % of turnover",
            d.stampDutyIntradayPercent),
        ParameterSpec.decimal(
            "gstPercent",
            "GST on brokerage, exchange charge and SEBI fee, %",
            d.gstPercent.doubleValue(),
            0,
            100));
  }

  /** The rates an account's settings give. */
  static FeeRates from(Parameters settings) {
    return new FeeRates(
        decimal(settings, "brokerageIntradayPercent"),
        decimal(settings, "brokerageDeliveryPercent"),
        decimal(settings, "brokerageCapRupees"),
        decimal(settings, "sttDeliveryPercent"),
        decimal(settings, "sttIntradaySellPercent"),
        decimal(settings, "exchangeChargeNsePercent"),
        decimal(settings, "exchangeChargeBsePercent"),
        decimal(settings, "sebiFeePerCrore"),
        decimal(settings, "stampDutyDeliveryPercent"),
        decimal(settings, "stampDutyIntradayPercent"),
        decimal(settings, "gstPercent"));
  }

  private static ParameterSpec percent(String name, String description, BigDecimal value) {
    return ParameterSpec.decimal(name, description, value.doubleValue(), 0, 10);
  }

  private static BigDecimal decimal(Parameters settings, String name) {
    // valueOf gives the shortest decimal for the double, so 0.00297 stays exactly 0.00297
    return BigDecimal.valueOf(settings.getDecimal(name));
  }
}
