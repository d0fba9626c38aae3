package com.sharewise.broker.paper.internal;

import static com.sharewise.api.trading.OrderSide.BUY;
import static com.sharewise.api.trading.OrderSide.SELL;
import static com.sharewise.broker.paper.internal.Orders.limit;
import static com.sharewise.broker.paper.internal.Orders.market;
import static com.sharewise.broker.paper.internal.Orders.stopMarket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sharewise.api.broker.BrokerAdapter;
import com.sharewise.api.broker.BrokerException;
import com.sharewise.api.broker.BrokerException.Reason;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.trading.OrderStatus;
import com.sharewise.api.trading.OrderUpdate;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exchange's checks: tick grid and lot size from the instrument master, circuit band. */
class PaperBrokerRulesTest {

  private static final InstrumentId NIFTY_FUT = InstrumentId.parse("NFO:NIFTY25JANFUT");
  private static final InstrumentId SBIN = InstrumentId.parse("NSE:SBIN");

  @TempDir Path state;
  private TestBrokerContext context;
  private BrokerAdapter broker;

  @AfterEach
  void close() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void rejectsPricesOffTheInstrumentsTickGrid() throws Exception {
    open(Map.of());
    context.instrument("NSE:INFY", "0.10", 1);

    assertRejected(
        () -> broker.placeOrder(limit("c-1", BUY, 10, "1520.05")),
        "limit price 1520.05 is not a multiple of the tick size 0.10 for NSE:INFY");
    assertRejected(
        () -> broker.placeOrder(stopMarket("c-2", SELL, 10, "1500.03")),
        "trigger price 1500.03 is not a multiple of the tick size 0.10 for NSE:INFY");
    assertThat(broker.placeOrder(limit("c-3", BUY, 10, "1520.10")).status())
        .isEqualTo(OrderStatus.OPEN);
  }

  @Test
  void roundsFillsToTheInstrumentsTickAgainstTheTrader() throws Exception {
    open(Map.of());
    context.instrument("NSE:INFY", "0.10", 1);

    assertThat(broker.placeOrder(market("c-1", BUY, 1)).averagePrice())
        .isEqualTo(price("1523.60")); // the ask 1523.55, up to the 0.10 grid
    assertThat(broker.placeOrder(market("c-2", SELL, 1)).averagePrice())
        .isEqualTo(price("1523.40"));
  }

  @Test
  void rejectsAQuantityThatIsNotWholeLots() throws Exception {
    open(Map.of());
    context.instrument(NIFTY_FUT.toString(), "0.05", 75);
    context.quotes.quote(NIFTY_FUT.toString(), 23510.00, 23510.50, 23510.25);

    assertRejected(
        () -> broker.placeOrder(market("c-1", BUY, 100, NIFTY_FUT)),
        "quantity 100 is not a whole number of lots of 75 for NFO:NIFTY25JANFUT");
    OrderUpdate filled = broker.placeOrder(market("c-2", BUY, 150, NIFTY_FUT));

    assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
    assertThat(filled.filledQuantity()).isEqualTo(150);
  }

  @Test
  void rejectsALimitOutsideTheCircuitBandNamingTheBand() throws Exception {
    open(Map.of());

    // 20% either side of the first quote's 1523.50
    assertRejected(
        () -> broker.placeOrder(limit("c-1", BUY, 10, "1830.00")),
        "limit price 1830.00 is outside today's circuit band for NSE:INFY, 1218.80 to 1828.20"
            + " (20% either side of the reference price 1523.50)");
    assertRejected(
        () -> broker.placeOrder(limit("c-2", SELL, 10, "1218.75")),
        "limit price 1218.75 is outside today's circuit band for NSE:INFY, 1218.80 to 1828.20"
            + " (20% either side of the reference price 1523.50)");
    assertThat(broker.placeOrder(limit("c-3", SELL, 10, "1828.20")).status())
        .isEqualTo(OrderStatus.OPEN);
    assertThat(broker.orderBook())
        .extracting(OrderUpdate::status)
        .containsExactly(OrderStatus.REJECTED, OrderStatus.REJECTED, OrderStatus.OPEN);
  }

  @Test
  void rejectsATriggerOutsideTheCircuitBand() throws Exception {
    open(Map.of());

    assertRejected(
        () -> broker.placeOrder(stopMarket("c-1", SELL, 10, "1200.00")),
        "trigger price 1200.00 is outside today's circuit band for NSE:INFY, 1218.80 to 1828.20"
            + " (20% either side of the reference price 1523.50)");
  }

  @Test
  void theBandWidthIsASetting() throws Exception {
    open(Map.of("circuitPercent", "5"));

    // 1523.50 ± 76.175, rounded inwards to the 0.05 tick
    assertRejected(
        () -> broker.placeOrder(limit("c-1", BUY, 10, "1600.00")),
        "limit price 1600.00 is outside today's circuit band for NSE:INFY, 1447.35 to 1599.65"
            + " (5% either side of the reference price 1523.50)");
  }

  @Test
  void theBandStaysOnTheDaysFirstQuoteThroughTheDayAndARestartAndMovesTheNextDay()
      throws Exception {
    open(Map.of());
    broker.placeOrder(market("c-1", BUY, 1)); // 1523.50 becomes the day's reference
    context.quotes.quote("NSE:INFY", 1699.90, 1700.00, 1700.00);
    assertRejected(
        () -> broker.placeOrder(limit("c-2", BUY, 10, "1830.00")),
        "limit price 1830.00 is outside");

    broker.close();
    broker = new PaperBrokerFactory().create(context);
    assertRejected(
        () -> broker.placeOrder(limit("c-3", BUY, 10, "1830.00")),
        "limit price 1830.00 is outside");

    context.clock.advance(Duration.ofDays(1));
    context.quotes.quote("NSE:INFY", 1699.90, 1700.00, 1700.00);
    // 1700 ± 20%: 1360.00 to 2040.00
    assertThat(broker.placeOrder(limit("c-4", BUY, 10, "1830.00")).status())
        .isEqualTo(OrderStatus.FILLED);
  }

  @Test
  void tradesAnInstrumentTheMasterDoesNotKnowWithTheNseDefaults() throws Exception {
    open(Map.of());
    context.quotes.quote(SBIN.toString(), 812.30, 812.35, 812.35);

    assertRejected(
        () -> broker.placeOrder(Orders.limit("c-1", SBIN, BUY, 7, "812.33")),
        "limit price 812.33 is not a multiple of the tick size 0.05 for NSE:SBIN");
    assertThat(broker.placeOrder(Orders.limit("c-2", SBIN, BUY, 7, "812.35")).status())
        .isEqualTo(OrderStatus.FILLED);
  }

  private void open(Map<String, String> settings) throws BrokerException {
    context = new TestBrokerContext(state, settings);
    context.quotes.quote("NSE:INFY", 1523.40, 1523.55, 1523.50);
    broker = new PaperBrokerFactory().create(context);
    broker.connect();
  }

  /** Rejected with a message beginning with {@code message}. */
  private static void assertRejected(ThrowingCallable call, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            BrokerException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REJECTED))
        .hasMessageStartingWith(message);
  }

  private static BigDecimal price(String text) {
    return new BigDecimal(text);
  }
}
