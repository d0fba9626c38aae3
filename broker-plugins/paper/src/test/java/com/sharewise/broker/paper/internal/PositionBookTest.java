package com.sharewise.broker.paper.internal;

import static com.sharewise.api.trading.OrderSide.BUY;
import static com.sharewise.api.trading.OrderSide.SELL;
import static com.sharewise.broker.paper.internal.Orders.INFY;
import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.trading.Position;
import com.sharewise.api.trading.Product;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PositionBookTest {

  private final PositionBook book = new PositionBook();

  @Test
  void averagesAddsAndBooksPnlOnReductionsAndThroughZero() {
    book.apply(INFY, Product.CNC, BUY, 10, price("100.00"));
    book.apply(INFY, Product.CNC, BUY, 10, price("110.00"));
    assertThat(only()).isEqualTo(position(20, "105.00", "0.00"));

    book.apply(INFY, Product.CNC, SELL, 15, price("120.00")); // (120 − 105) × 15 = 225
    assertThat(only()).isEqualTo(position(5, "105.00", "225.00"));

    book.apply(INFY, Product.CNC, SELL, 10, price("90.00")); // closes 5 at −15 each, opens 5 short
    assertThat(only()).isEqualTo(position(-5, "90.00", "150.00"));

    book.apply(INFY, Product.CNC, BUY, 5, price("95.50")); // short loses 5.50 × 5
    assertThat(only())
        .isEqualTo(
            new Position(
                TestBrokerContext.ACCOUNT, INFY, Product.CNC, 0, BigDecimal.ZERO, price("122.50")));
  }

  @Test
  void keepsAnUnevenAverageToFourDecimalsAndRealisedPnlToThePaisa() {
    book.apply(INFY, Product.MIS, BUY, 3, price("100.00"));
    book.apply(INFY, Product.MIS, BUY, 3, price("100.05"));
    book.apply(INFY, Product.MIS, BUY, 3, price("100.05")); // 900.30 / 9 = 100.0333…

    book.apply(INFY, Product.MIS, SELL, 4, price("101.00")); // 404 − 400.1333… = 3.8666…

    Position position = only();
    assertThat(position.averagePrice()).isEqualTo(price("100.0333"));
    assertThat(position.realisedPnl()).isEqualTo(price("3.87"));

    // Selling the rest: 909 − 900.30 = 8.70 in all.
    book.apply(INFY, Product.MIS, SELL, 5, price("101.00"));
    assertThat(only().realisedPnl()).isEqualTo(price("8.70"));
  }

  @Test
  void keepsInstrumentsAndProductsApart() {
    InstrumentId tcs = InstrumentId.parse("NSE:TCS");
    book.apply(INFY, Product.CNC, BUY, 10, price("100.00"));
    book.apply(INFY, Product.MIS, SELL, 5, price("101.00"));
    book.apply(tcs, Product.CNC, BUY, 1, price("4000.00"));

    assertThat(book.positions(TestBrokerContext.ACCOUNT))
        .extracting(p -> p.instrument() + " " + p.product() + " " + p.quantity())
        .containsExactly("NSE:INFY CNC 10", "NSE:INFY MIS -5", "NSE:TCS CNC 1");
  }

  private Position only() {
    assertThat(book.positions(TestBrokerContext.ACCOUNT)).hasSize(1);
    return book.positions(TestBrokerContext.ACCOUNT).get(0);
  }

  private static Position position(long quantity, String average, String realised) {
    return new Position(
        TestBrokerContext.ACCOUNT, INFY, Product.CNC, quantity, price(average), price(realised));
  }

  private static BigDecimal price(String text) {
    return new BigDecimal(text);
  }
}
