package com.sharewise.broker.paper.internal;

import static com.sharewise.api.trading.OrderSide.BUY;
import static com.sharewise.api.trading.OrderSide.SELL;
import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.api.market.Exchange;
import com.sharewise.api.param.Parameters;
import com.sharewise.api.trading.Product;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The default rates (Zerodha's equity schedule) against figures worked out by hand. */
class FeeModelTest {

  private final FeeModel fees = new FeeModel(FeeRates.ZERODHA);

  @Test
  void aDeliveryBuyPaysSttStampDutyExchangeSebiAndGstButNoBrokerage() {
    // 10 × 1523.55 = 15,235.50
    FeeModel.Charges charges =
        fees.charges(Exchange.NSE, Product.CNC, BUY, rupees("15235.50"), true);

    assertThat(charges)
        .isEqualTo(
            new FeeModel.Charges(
                rupees("0.00"), // delivery brokerage is free
                rupees("15.24"), // STT 0.1% = 15.2355
                rupees("0.45"), // NSE 0.00297% = 0.452494
                rupees("0.02"), // SEBI ₹10 per crore = 0.015236
                rupees("2.29"), // stamp duty 0.015% = 2.285325
                rupees("0.08"))); // GST 18% of (0 + 0.45 + 0.02) = 0.0846
    assertThat(charges.total()).isEqualTo(rupees("18.08"));
  }

  @Test
  void aDeliverySellPaysSttButNoStampDuty() {
    // 10 × 1530.00 = 15,300.00
    FeeModel.Charges charges =
        fees.charges(Exchange.NSE, Product.CNC, SELL, rupees("15300.00"), true);

    assertThat(charges)
        .isEqualTo(
            new FeeModel.Charges(
                rupees("0.00"),
                rupees("15.30"), // STT 0.1%
                rupees("0.45"), // 0.45441
                rupees("0.02"), // 0.0153
                rupees("0.00"), // stamp duty is on buys only
                rupees("0.08"))); // 18% of 0.47
    assertThat(charges.total()).isEqualTo(rupees("15.85"));
  }

  @Test
  void anIntradayRoundTripPaysBrokerageBothWaysSttOnTheSellAndStampDutyOnTheBuy() {
    // buy 100 × 500.00 = 50,000; sell 100 × 505.00 = 50,500
    FeeModel.Charges buy = fees.charges(Exchange.NSE, Product.MIS, BUY, rupees("50000.00"), true);
    FeeModel.Charges sell = fees.charges(Exchange.NSE, Product.MIS, SELL, rupees("50500.00"), true);

    assertThat(buy)
        .isEqualTo(
            new FeeModel.Charges(
                rupees("15.00"), // 0.03% = 15, under the ₹20 cap
                rupees("0.00"), // intraday STT is on sells only
                rupees("1.49"), // 1.485 rounds half up
                rupees("0.05"),
                rupees("1.50"), // stamp duty 0.003%
                rupees("2.98"))); // 18% of 16.54 = 2.9772
    assertThat(sell)
        .isEqualTo(
            new FeeModel.Charges(
                rupees("15.15"),
                rupees("12.63"), // 0.025% = 12.625
                rupees("1.50"), // 1.49985
                rupees("0.05"), // 0.0505
                rupees("0.00"),
                rupees("3.01"))); // 18% of 16.70 = 3.006
    assertThat(buy.total()).isEqualTo(rupees("21.02"));
    assertThat(sell.total()).isEqualTo(rupees("32.34"));
  }

  @Test
  void brokerageIsCappedPerOrderAndPaidOnlyOnItsFirstFill() {
    // 0.03% of ₹10,00,000 would be 300
    assertThat(fees.charges(Exchange.NSE, Product.MIS, BUY, rupees("1000000.00"), true).brokerage())
        .isEqualTo(rupees("20.00"));
    assertThat(
            fees.charges(Exchange.NSE, Product.MIS, BUY, rupees("1000000.00"), false).brokerage())
        .isEqualTo(rupees("0.00"));
  }

  @Test
  void bseTradesPayTheBseTransactionCharge() {
    // 0.00375% of 1,00,000 = 3.75
    assertThat(
            fees.charges(Exchange.BSE, Product.CNC, BUY, rupees("100000.00"), true)
                .exchangeCharge())
        .isEqualTo(rupees("3.75"));
  }

  @Test
  void ratesComeFromTheAccountSettings() {
    Parameters settings =
        Parameters.resolve(
            PaperSettings.specs(),
            Map.of(
                "brokerageDeliveryPercent", "0.1", "brokerageCapRupees", "5", "gstPercent", "0"));
    FeeModel custom = new FeeModel(FeeRates.from(settings));

    FeeModel.Charges charges =
        custom.charges(Exchange.NSE, Product.CNC, BUY, rupees("15235.50"), true);

    assertThat(charges.brokerage()).as("0.1% = 15.24, capped at 5").isEqualTo(rupees("5.00"));
    assertThat(charges.gst()).isEqualTo(rupees("0.00"));
    assertThat(FeeRates.from(Parameters.defaults(PaperSettings.specs())))
        .as("the defaults are Zerodha's schedule")
        .usingRecursiveComparison()
        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
        .isEqualTo(FeeRates.ZERODHA);
  }

  private static BigDecimal rupees(String text) {
    return new BigDecimal(text);
  }
}
