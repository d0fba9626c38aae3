package com.sharewise.broker.paper.internal;

import static com.sharewise.api.trading.OrderSide.BUY;
import static com.sharewise.api.trading.OrderSide.SELL;
import static com.sharewise.broker.paper.internal.Orders.INFY;
import static com.sharewise.broker.paper.internal.Orders.limit;
import static com.sharewise.broker.paper.internal.Orders.market;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sharewise.api.broker.BrokerAdapter;
import com.sharewise.api.broker.BrokerException;
import com.sharewise.api.broker.BrokerException.Reason;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.trading.Fill;
import com.sharewise.api.trading.OrderStatus;
import com.sharewise.api.trading.OrderUpdate;
import com.sharewise.api.trading.Position;
import com.sharewise.api.trading.Product;
import com.sharewise.api.trading.Validity;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaperBrokerAdapterTest {

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
  void reportsItselfConnected() throws Exception {
    open(Map.of());

    assertThat(context.callback.connections).containsExactly(true);
  }

  @Test
  void fillsAMarketBuyAtOnceInFullAtTheAsk() throws Exception {
    open(Map.of());
    Instant now = context.clock.instant();

    OrderUpdate update = broker.placeOrder(market("c-1", BUY, 10));

    OrderUpdate filled =
        new OrderUpdate("c-1", "PAPER-1", OrderStatus.FILLED, 10, price("1523.55"), "", now);
    // CNC buy of ₹15,235.50: STT 15.24, NSE 0.45, SEBI 0.02, stamp duty 2.29, GST 0.08
    Fill fill =
        new Fill(
            "PAPER-1-1", "c-1", "PAPER-1", INFY, BUY, 10, price("1523.55"), now, price("18.08"));
    assertThat(update).isEqualTo(filled);
    assertThat(context.callback.fills).containsExactly(fill);
    assertThat(context.callback.updates).containsExactly(filled);
    assertThat(broker.orderBook()).containsExactly(filled);
    assertThat(broker.tradeBook()).containsExactly(fill);
  }

  @Test
  void fillsAMarketSellAtTheBid() throws Exception {
    open(Map.of());

    OrderUpdate update = broker.placeOrder(market("c-1", SELL, 5));

    assertThat(update.averagePrice()).isEqualTo(price("1523.40"));
    assertThat(context.callback.fills).extracting(Fill::price).containsExactly(price("1523.40"));
  }

  @Test
  void movesFillsAgainstTheTraderBySlippageAndRoundsToTheTickAgainstThemToo() throws Exception {
    open(Map.of("slippageBps", "10"));

    // 1523.55 × 1.001 = 1525.07355 → up to 1525.10; 1523.40 × 0.999 = 1521.8766 → down to 1521.85
    assertThat(broker.placeOrder(market("c-1", BUY, 1)).averagePrice()).isEqualTo(price("1525.10"));
    assertThat(broker.placeOrder(market("c-2", SELL, 1)).averagePrice())
        .isEqualTo(price("1521.85"));
  }

  @Test
  void fillsAtTheLastPriceWhenTheBookSideIsEmpty() throws Exception {
    open(Map.of());
    context.quotes.quote("NSE:SBIN", Double.NaN, Double.NaN, 812.35);

    OrderUpdate buy = broker.placeOrder(market("c-1", BUY, 1, InstrumentId.parse("NSE:SBIN")));
    OrderUpdate sell = broker.placeOrder(market("c-2", SELL, 1, InstrumentId.parse("NSE:SBIN")));

    assertThat(buy.averagePrice()).isEqualTo(price("812.35"));
    assertThat(sell.averagePrice()).isEqualTo(price("812.35"));
  }

  @Test
  void rejectsAnOrderWithoutMarketDataAndKeepsItInTheBook() throws Exception {
    open(Map.of());

    assertRejected(
        () -> broker.placeOrder(market("c-1", BUY, 1, InstrumentId.parse("NSE:XYZ"))),
        "no market data for NSE:XYZ");

    assertThat(broker.orderBook())
        .singleElement()
        .satisfies(
            order -> {
              assertThat(order.brokerOrderId()).isEqualTo("PAPER-1");
              assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
              assertThat(order.message()).isEqualTo("no market data for NSE:XYZ");
            });
    assertThat(broker.tradeBook()).isEmpty();
    assertThat(context.callback.fills).isEmpty();
  }

  @Test
  void returnsTheExistingOrderForAClientOrderIdItAlreadyHasWithoutFillingAgain() throws Exception {
    open(Map.of());
    OrderUpdate first = broker.placeOrder(market("c-1", BUY, 10));
    context.quotes.quote("NSE:INFY", 1600.00, 1600.05, 1600.00);
    context.clock.advance(Duration.ofSeconds(5));

    OrderUpdate again = broker.placeOrder(market("c-1", BUY, 10));

    assertThat(again).isEqualTo(first);
    assertThat(broker.tradeBook()).hasSize(1);
    assertThat(context.callback.fills).hasSize(1);
    assertThat(broker.positions()).extracting(Position::quantity).containsExactly(10L);
  }

  @Test
  void booksPositionAndRealisedPnlFromABuyThenASell() throws Exception {
    open(Map.of());
    broker.placeOrder(market("c-1", BUY, 10));
    context.quotes.quote("NSE:INFY", 1530.00, 1530.10, 1530.05);

    broker.placeOrder(market("c-2", SELL, 10));

    // (1530.00 − 1523.55) × 10
    // realised P&L is before charges; those are on the fills
    assertThat(broker.positions())
        .containsExactly(
            new Position(
                TestBrokerContext.ACCOUNT, INFY, Product.CNC, 0, BigDecimal.ZERO, price("64.50")));
  }

  @Test
  void leavesAnUnmarketableLimitOrderOpenUntilItIsCancelled() throws Exception {
    open(Map.of());

    OrderUpdate open = broker.placeOrder(limit("c-1", BUY, 10, "1520.00"));
    context.clock.advance(Duration.ofMinutes(1));
    OrderUpdate cancelled = broker.cancelOrder("c-1", "PAPER-1");

    assertThat(open.status()).isEqualTo(OrderStatus.OPEN);
    assertThat(open.filledQuantity()).isZero();
    assertThat(open.averagePrice()).isNull();
    assertThat(cancelled)
        .isEqualTo(
            new OrderUpdate(
                "c-1",
                "PAPER-1",
                OrderStatus.CANCELLED,
                0,
                null,
                "cancelled on request",
                context.clock.instant()));
    assertThat(context.callback.updates).containsExactly(open, cancelled);
    assertThat(broker.orderBook()).containsExactly(cancelled);
    assertThat(broker.tradeBook()).isEmpty();
  }

  @Test
  void showsARestingLimitOrderInTheBookAndCancelsItByClientOrderIdAlone() throws Exception {
    open(Map.of());
    broker.placeOrder(limit("c-1", SELL, 10, "1530.00"));

    assertThat(broker.orderBook())
        .extracting(OrderUpdate::status)
        .containsExactly(OrderStatus.OPEN);
    assertThat(broker.cancelOrder("c-1", "").status()).isEqualTo(OrderStatus.CANCELLED);
  }

  @Test
  void refusesToCancelAnUnknownOrFinishedOrder() throws Exception {
    open(Map.of());
    broker.placeOrder(market("c-1", BUY, 10));

    assertRejected(
        () -> broker.cancelOrder("c-1", "PAPER-1"),
        "order PAPER-1 is already FILLED and cannot be cancelled");
    assertRejected(() -> broker.cancelOrder("c-9", "PAPER-9"), "no paper order PAPER-9");
    assertRejected(
        () -> broker.cancelOrder("c-9", null), "no paper order with client order id c-9");
  }

  @Test
  void fillsAMarketableLimitOrderAtTheQuoteButNeverBeyondTheLimit() throws Exception {
    open(Map.of("slippageBps", "50"));

    // Quote 1523.55 + 0.5% = 1531.20 would break a 1530 limit: the limit caps the price.
    OrderUpdate capped = broker.placeOrder(limit("c-1", BUY, 10, "1530.00"));
    OrderUpdate better = broker.placeOrder(limit("c-2", BUY, 10, "1540.00"));
    OrderUpdate sell = broker.placeOrder(limit("c-3", SELL, 10, "1500.00"));

    assertThat(capped.status()).isEqualTo(OrderStatus.FILLED);
    assertThat(capped.averagePrice()).isEqualTo(price("1530.00"));
    assertThat(better.averagePrice()).isEqualTo(price("1531.20"));
    // 1523.40 − 0.5% = 1515.783 → down to 1515.75
    assertThat(sell.averagePrice()).isEqualTo(price("1515.75"));
  }

  @Test
  void cancelsAnImmediateOrCancelLimitOrderThatCannotFill() throws Exception {
    open(Map.of());

    OrderUpdate update = broker.placeOrder(limit("c-1", BUY, 10, "1500.00", Validity.IOC));

    assertThat(update.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(update.message()).isEqualTo("IOC limit 1500.00 not marketable");
  }

  @Test
  void rejectsALimitPriceOffTheTick() throws Exception {
    open(Map.of());

    assertRejected(
        () -> broker.placeOrder(limit("c-1", BUY, 10, "1520.03")),
        "limit price 1520.03 is not a multiple of the tick size 0.05 for NSE:INFY");
  }

  @Test
  void fillsEachOrderOnceWhenCalledFromManyThreads() throws Exception {
    open(Map.of());
    List<Callable<OrderUpdate>> calls = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String id = "c-" + i;
      calls.add(() -> broker.placeOrder(market(id, BUY, 1)));
      calls.add(() -> broker.placeOrder(market(id, BUY, 1)));
    }

    List<OrderUpdate> results = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (Future<OrderUpdate> result : pool.invokeAll(calls)) {
        results.add(result.get());
      }
    } finally {
      pool.shutdown();
    }

    assertThat(broker.tradeBook()).hasSize(200);
    assertThat(Set.copyOf(results)).hasSize(200);
    assertThat(broker.orderBook())
        .extracting(OrderUpdate::brokerOrderId)
        .doesNotHaveDuplicates()
        .contains("PAPER-1", "PAPER-200");
    assertThat(broker.positions()).extracting(Position::quantity).containsExactly(200L);
  }

  @Test
  void refusesCallsOnceClosed() throws Exception {
    open(Map.of());
    broker.close();

    assertThatThrownBy(() -> broker.placeOrder(market("c-1", BUY, 1)))
        .isInstanceOfSatisfying(
            BrokerException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
  }

  private void open(Map<String, String> settings) throws BrokerException {
    context = new TestBrokerContext(state, settings);
    context.quotes.quote("NSE:INFY", 1523.40, 1523.55, 1523.50);
    broker = new PaperBrokerFactory().create(context);
    broker.connect();
  }

  private static void assertRejected(ThrowingCallable call, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            BrokerException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REJECTED))
        .hasMessage(message);
  }

  private static BigDecimal price(String text) {
    return new BigDecimal(text);
  }
}
