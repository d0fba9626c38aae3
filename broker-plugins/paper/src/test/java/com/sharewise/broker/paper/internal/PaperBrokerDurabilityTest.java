package com.sharewise.broker.paper.internal;

import static com.sharewise.api.trading.OrderSide.BUY;
import static com.sharewise.api.trading.OrderSide.SELL;
import static com.sharewise.broker.paper.internal.Orders.limit;
import static com.sharewise.broker.paper.internal.Orders.market;
import static com.sharewise.broker.paper.internal.Orders.stopMarket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.sharewise.api.broker.BrokerAdapter;
import com.sharewise.api.broker.BrokerException;
import com.sharewise.api.broker.BrokerException.Reason;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.trading.Fill;
import com.sharewise.api.trading.OrderModification;
import com.sharewise.api.trading.OrderStatus;
import com.sharewise.api.trading.OrderUpdate;
import com.sharewise.api.trading.Position;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The order book survives the adapter: what one adapter recorded, the next one on the directory
 * knows.
 */
class PaperBrokerDurabilityTest {

  @TempDir Path state;

  @Test
  void rebuildsTheBookFromTheStateDirectory() throws Exception {
    List<OrderUpdate> orders;
    List<Fill> fills;
    List<Position> positions;
    try (BrokerAdapter first = open()) {
      first.placeOrder(market("c-1", BUY, 10));
      first.placeOrder(limit("c-2", SELL, 4, "1600.00"));
      assertThatThrownBy(
          () -> first.placeOrder(market("c-3", BUY, 1, InstrumentId.parse("NSE:XYZ"))));
      first.placeOrder(market("c-4", SELL, 3));
      orders = first.orderBook();
      fills = first.tradeBook();
      positions = first.positions();
    }

    TestBrokerContext context = context();
    try (BrokerAdapter second = new PaperBrokerFactory().create(context)) {
      assertThat(second.orderBook()).isEqualTo(orders);
      assertThat(second.tradeBook()).isEqualTo(fills);
      assertThat(second.positions()).isEqualTo(positions);

      assertThat(second.placeOrder(market("c-1", BUY, 10))).isEqualTo(orders.get(0));
      assertThat(second.cancelOrder("c-2", "PAPER-2").status()).isEqualTo(OrderStatus.CANCELLED);
      assertThat(second.placeOrder(market("c-5", BUY, 1)).brokerOrderId()).isEqualTo("PAPER-5");
      assertThat(context.callback.fills).extracting(Fill::clientOrderId).containsExactly("c-5");
    }
  }

  @Test
  void ordersPlacedAtTheSameTimeAreAllOnDiskWhenAnsweredAndReportedOnceEach() throws Exception {
    int orders = 32;
    TestBrokerContext context = context();
    List<OrderUpdate> answers = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (BrokerAdapter broker = new PaperBrokerFactory().create(context);
        var callers = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      List<java.util.concurrent.Future<?>> placed = new java.util.ArrayList<>();
      for (int i = 0; i < orders; i++) {
        String id = "c-" + i;
        placed.add(callers.submit(() -> answers.add(broker.placeOrder(market(id, BUY, 1)))));
      }
      for (var each : placed) {
        each.get(30, java.util.concurrent.TimeUnit.SECONDS);
      }

      assertThat(answers).extracting(OrderUpdate::status).containsOnly(OrderStatus.FILLED);
      assertThat(context.callback.fills).extracting(Fill::clientOrderId).doesNotHaveDuplicates();
      assertThat(context.callback.fills).hasSize(orders);
      assertThat(context.callback.updates).hasSize(orders);
    }

    try (BrokerAdapter reopened = open()) {
      assertThat(reopened.orderBook())
          .as("every answered order was on disk")
          .containsExactlyInAnyOrderElementsOf(answers);
    }
  }

  @Test
  void keepsTheBookAsPlainTextLines() throws Exception {
    try (BrokerAdapter broker = open()) {
      broker.placeOrder(market("c-1", BUY, 10));
    }

    assertThat(Files.readAllLines(journal()))
        .containsExactly(
            "# ShareWise paper broker order journal, format 2",
            "REFERENCE\t2025-01-06T04:00:00Z\tNSE:INFY\t2025-01-06\t1523.5",
            "PLACED\tPAPER-1\t2025-01-06T04:00:00Z\tc-1\tpaper-1\tNSE:INFY\tBUY\t10\tMARKET\t-\t-"
                + "\tCNC\tDAY",
            "FILLED\tPAPER-1\t2025-01-06T04:00:00Z\tPAPER-1-1\t10\t1523.55\t18.08");
  }

  @Test
  void replaysPartialFillsTriggersModificationsAndChargesAndCarriesOnAfterARestart()
      throws Exception {
    List<OrderUpdate> orders;
    List<Fill> fills;
    List<Position> positions;
    TestBrokerContext first = context();
    first.quotes.set(
        TestBrokerContext.Quotes.tick(
            "NSE:INFY",
            first.clock.instant(),
            1523.40,
            1523.55,
            1523.50,
            1_000,
            TestBrokerContext.Quotes.asks(1523.55, 4, 1523.60, 3)));
    try (BrokerAdapter broker = new PaperBrokerFactory().create(first)) {
      broker.connect();
      broker.placeOrder(market("c-1", BUY, 10)); // 7 from the depth
      broker.placeOrder(stopMarket("c-2", SELL, 5, "1500.00"));
      broker.placeOrder(limit("c-3", BUY, 8, "1400.00"));
      broker.modifyOrder("c-3", "PAPER-3", new OrderModification(6L, null, price("1410.00"), null));
      first.quotes.push(first.quotes.tick("NSE:INFY", 1499.80, 1499.90, 1499.95, 1_002));
      orders = broker.orderBook();
      fills = broker.tradeBook();
      positions = broker.positions();
    }
    // c-1: 7 from the depth, 2 from the volume; c-2 triggered and sold at the bid
    assertThat(orders)
        .extracting(OrderUpdate::status, OrderUpdate::filledQuantity)
        .containsExactly(
            tuple(OrderStatus.PARTIALLY_FILLED, 9L),
            tuple(OrderStatus.FILLED, 5L),
            tuple(OrderStatus.OPEN, 0L));
    assertThat(fills).extracting(Fill::charges).allSatisfy(c -> assertThat(c).isPositive());

    TestBrokerContext second = context();
    try (BrokerAdapter broker = new PaperBrokerFactory().create(second)) {
      assertThat(broker.orderBook()).isEqualTo(orders);
      assertThat(broker.tradeBook()).isEqualTo(fills);
      assertThat(broker.positions()).isEqualTo(positions);
      assertThat(broker.placeOrder(market("c-1", BUY, 10)))
          .as("placing a known client order id again after the restart sends nothing")
          .isEqualTo(orders.get(0));

      broker.connect();
      second.quotes.push(second.quotes.tick("NSE:INFY", 1499.80, 1499.90, 1499.95, 1_010));

      assertThat(second.callback.fills)
          .singleElement()
          .satisfies(
              fill -> {
                assertThat(fill.fillId()).isEqualTo("PAPER-1-4");
                assertThat(fill.quantity()).isEqualTo(1);
              });
      assertThat(broker.orderBook().get(0).status()).isEqualTo(OrderStatus.FILLED);
      assertThat(broker.orderBook().get(2))
          .as("the modified limit is still working, below the market")
          .extracting(OrderUpdate::status)
          .isEqualTo(OrderStatus.OPEN);
    }
  }

  @Test
  void aLimitOrderRestingBeforeARestartFillsFromTradedVolumeNotTheDepth() throws Exception {
    try (BrokerAdapter broker = open()) {
      broker.placeOrder(limit("c-1", BUY, 10, "1520.00"));
    }

    TestBrokerContext context = context();
    try (BrokerAdapter broker = new PaperBrokerFactory().create(context)) {
      broker.connect();
      assertThat(context.quotes.subscribers("NSE:INFY")).isEqualTo(1);
      context.quotes.push(
          TestBrokerContext.Quotes.tick(
              "NSE:INFY",
              context.clock.instant(),
              1519.90,
              1519.95,
              1519.95,
              1_003,
              TestBrokerContext.Quotes.asks(1519.95, 100)));

      assertThat(broker.orderBook())
          .extracting(OrderUpdate::status, OrderUpdate::filledQuantity)
          .containsExactly(tuple(OrderStatus.PARTIALLY_FILLED, 3L));
    }
  }

  @Test
  void readsAJournalWrittenInTheFirstFormat() throws Exception {
    Files.createDirectories(state);
    Files.write(
        journal(),
        List.of(
            "# ShareWise paper broker order journal, format 1",
            "PLACED\tPAPER-1\t2025-01-06T04:00:00Z\tc-1\tpaper-1\tNSE:INFY\tBUY\t10\tMARKET\t-\t-"
                + "\tCNC\tDAY",
            "FILLED\tPAPER-1\t2025-01-06T04:00:00Z\tPAPER-1-1\t10\t1523.55",
            "PLACED\tPAPER-2\t2025-01-06T04:00:00Z\tc-2\tpaper-1\tNSE:INFY\tSELL\t4\tLIMIT\t1600.00"
                + "\t-\tCNC\tDAY"));

    try (BrokerAdapter broker = open()) {
      assertThat(broker.tradeBook())
          .singleElement()
          .satisfies(
              fill -> {
                assertThat(fill.price()).isEqualTo(price("1523.55"));
                assertThat(fill.charges()).as("charged before charges existed").isZero();
              });
      assertThat(broker.positions()).extracting(Position::quantity).containsExactly(10L);
      assertThat(broker.cancelOrder("c-2", "PAPER-2").status()).isEqualTo(OrderStatus.CANCELLED);
      assertThat(broker.placeOrder(market("c-3", BUY, 1)).brokerOrderId()).isEqualTo("PAPER-3");
    }
    try (BrokerAdapter broker = open()) {
      assertThat(broker.orderBook()).hasSize(3);
    }
  }

  @Test
  void keepsClientOrderIdsWithAnyCharacters() throws Exception {
    String awkward = "tag\twith tab,\nnewline % and ₹";
    try (BrokerAdapter broker = open()) {
      broker.placeOrder(market(awkward, BUY, 1));
    }

    try (BrokerAdapter broker = open()) {
      assertThat(broker.orderBook())
          .extracting(OrderUpdate::clientOrderId)
          .containsExactly(awkward);
      assertThat(broker.placeOrder(market(awkward, BUY, 1)).brokerOrderId()).isEqualTo("PAPER-1");
    }
  }

  @Test
  void dropsALastLineTornByACrashAndCarriesOn() throws Exception {
    try (BrokerAdapter broker = open()) {
      broker.placeOrder(limit("c-1", BUY, 10, "1500.00"));
    }
    Files.writeString(journal(), "FILLED\tPAPER-1\t2025-01-06T04:0", StandardOpenOption.APPEND);

    try (BrokerAdapter broker = open()) {
      assertThat(broker.orderBook())
          .extracting(OrderUpdate::status)
          .containsExactly(OrderStatus.OPEN);
      broker.placeOrder(market("c-2", BUY, 1));
    }
    try (BrokerAdapter broker = open()) {
      assertThat(broker.orderBook())
          .extracting(OrderUpdate::clientOrderId)
          .containsExactly("c-1", "c-2");
    }
  }

  @Test
  void zerosWrittenAheadAndLeftByACrashAreDroppedOnOpen() throws Exception {
    List<OrderUpdate> orders;
    try (BrokerAdapter broker = open()) {
      broker.placeOrder(market("c-1", BUY, 10));
      orders = broker.orderBook();
    }
    assertThat(Files.readString(journal())).doesNotContain("\0");
    // a crash leaves the journal's preallocated tail behind
    Files.write(journal(), new byte[1 << 16], StandardOpenOption.APPEND);

    try (BrokerAdapter broker = open()) {
      assertThat(broker.orderBook()).isEqualTo(orders);
      broker.placeOrder(market("c-2", BUY, 1));
    }
    try (BrokerAdapter broker = open()) {
      assertThat(broker.orderBook())
          .extracting(OrderUpdate::clientOrderId)
          .containsExactly("c-1", "c-2");
    }
    assertThat(Files.readString(journal())).doesNotContain("\0");
  }

  @Test
  void refusesAJournalWithAnUnreadableLine() throws Exception {
    try (BrokerAdapter broker = open()) {
      broker.placeOrder(market("c-1", BUY, 10));
    }
    List<String> lines = Files.readAllLines(journal());
    Files.write(journal(), List.of(lines.get(0), lines.get(1), "FILLED\tPAPER-1\tyesterday"));

    assertThatThrownBy(this::open)
        .isInstanceOfSatisfying(
            BrokerException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE))
        .hasMessageContaining("orders.journal line 3");
  }

  @Test
  void refusesASecondAdapterOnABookThatIsStillOpen() throws Exception {
    try (BrokerAdapter first = open()) {
      assertThatThrownBy(this::open)
          .isInstanceOfSatisfying(
              BrokerException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE))
          .hasMessageContaining("in use by another paper broker adapter");
      assertThat(first.orderBook()).isEmpty();
    }
    try (BrokerAdapter again = open()) {
      assertThat(again.orderBook()).isEmpty();
    }
  }

  @Test
  void aBookThatIsNotDurableIsStillJournaledAndReadBack() throws Exception {
    assertThat(
            com.sharewise.api.param.Parameters.defaults(PaperSettings.specs())
                .getBoolean("durable"))
        .as("durable by default")
        .isTrue();
    TestBrokerContext fast = new TestBrokerContext(state, java.util.Map.of("durable", "false"));
    fast.quotes.quote("NSE:INFY", 1523.40, 1523.55, 1523.50);
    List<OrderUpdate> orders;
    try (BrokerAdapter broker = new PaperBrokerFactory().create(fast)) {
      broker.placeOrder(market("c-1", BUY, 10));
      orders = broker.orderBook();
    }

    try (BrokerAdapter reopened = open()) {
      assertThat(reopened.orderBook()).isEqualTo(orders);
    }
  }

  @Test
  void aBookWithoutAJournalTradesInMemoryAndLeavesNothingBehind() throws Exception {
    TestBrokerContext throwAway =
        new TestBrokerContext(state, java.util.Map.of("journal", "false"));
    throwAway.quotes.quote("NSE:INFY", 1523.40, 1523.55, 1523.50);
    try (BrokerAdapter broker = new PaperBrokerFactory().create(throwAway)) {
      broker.placeOrder(market("c-1", BUY, 10));
      broker.placeOrder(limit("c-2", SELL, 4, "1600.00"));

      assertThat(broker.orderBook())
          .extracting(OrderUpdate::status)
          .containsExactly(OrderStatus.FILLED, OrderStatus.OPEN);
      assertThat(broker.placeOrder(market("c-1", BUY, 10)).brokerOrderId()).isEqualTo("PAPER-1");
      assertThat(broker.tradeBook()).extracting(Fill::quantity).containsExactly(10L);
    }

    assertThat(journal()).doesNotExist();
    try (BrokerAdapter reopened = open()) {
      assertThat(reopened.orderBook()).isEmpty();
    }
  }

  private BrokerAdapter open() throws BrokerException {
    return new PaperBrokerFactory().create(context());
  }

  private TestBrokerContext context() {
    TestBrokerContext context = new TestBrokerContext(state);
    context.quotes.quote("NSE:INFY", 1523.40, 1523.55, 1523.50);
    return context;
  }

  private Path journal() {
    return state.resolve(OrderJournal.FILE_NAME);
  }

  private static BigDecimal price(String text) {
    return new BigDecimal(text);
  }
}
