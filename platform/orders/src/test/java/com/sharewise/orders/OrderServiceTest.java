package com.sharewise.orders;

import static com.sharewise.orders.testkit.PaperDesk.ACCOUNT;
import static com.sharewise.orders.testkit.PaperDesk.INFY;
import static com.sharewise.orders.testkit.PaperDesk.NIFTY_FUT;
import static com.sharewise.orders.testkit.PaperDesk.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sharewise.api.broker.BrokerAdapter;
import com.sharewise.api.broker.BrokerException;
import com.sharewise.api.trading.OrderModification;
import com.sharewise.api.trading.OrderRequest;
import com.sharewise.api.trading.OrderSide;
import com.sharewise.api.trading.OrderStatus;
import com.sharewise.api.trading.OrderType;
import com.sharewise.api.trading.OrderUpdate;
import com.sharewise.orders.testkit.CommitLog;
import com.sharewise.orders.testkit.PaperDesk;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrderServiceTest {

  @TempDir Path state;
  private PaperDesk desk;

  @BeforeEach
  void open() {
    desk = new PaperDesk(state);
    desk.quotes.quote(INFY, 1500.00, 1500.10, 10_000);
  }

  @AfterEach
  void close() {
    desk.close();
  }

  @Test
  void aMarketOrderIsJournaledSentFilledAndBookedIntoThePortfolio() {
    Order placed = desk.service.place(order("c1", INFY, OrderSide.BUY, 10, OrderType.MARKET, null));

    assertThat(placed.status()).isEqualTo(OrderStatus.FILLED);
    assertThat(placed.filledQuantity()).isEqualTo(10);
    assertThat(placed.averagePrice()).isEqualByComparingTo("1500.10");
    assertThat(placed.charges()).isPositive();
    assertThat(desk.service.history(placed.id()))
        .extracting(e -> e.getClass().getSimpleName())
        .startsWith("Created", "Submitting")
        .contains("Filled");
    PositionView position = desk.portfolio.positions(ACCOUNT).getFirst();
    assertThat(position.quantity()).isEqualTo(10);
    assertThat(position.averagePrice()).isEqualByComparingTo("1500.10");
    PortfolioSummary money = desk.portfolio.summary(ACCOUNT);
    assertThat(money.cash())
        .isEqualByComparingTo(
            new BigDecimal("1000000")
                .subtract(new BigDecimal("15001.00"))
                .subtract(placed.charges()));
  }

  @Test
  void aFillReportedWhileTheOrderIsPlacedIsJournaledWithTheAnswerInOneCommit() {
    CommitLog journal = new CommitLog();
    try (PaperDesk counted = new PaperDesk(state.resolve("c"), journal, a -> a)) {
      counted.quotes.quote(INFY, 1500.00, 1500.10, 10_000);

      Order placed =
          counted.service.place(order("one", INFY, OrderSide.BUY, 4, OrderType.MARKET, null));

      assertThat(placed.status()).isEqualTo(OrderStatus.FILLED);
      assertThat(placed.brokerOrderId()).isNotEmpty();
      // durable before the broker call, then the broker's report and answer in one commit (the
      // answer, FILLED again, no longer fits and is dropped)
      assertThat(journal.commits())
          .containsExactly(List.of("Created", "Submitting"), List.of("Filled"));
      assertThat(counted.portfolio.positions(ACCOUNT).getFirst().quantity()).isEqualTo(4);
    }
  }

  @Test
  void reportsMadeDuringThePlacementJoinTheAnswerEvenWhenBrokerEventsRunElsewhere() {
    CommitLog journal = new CommitLog();
    List<Runnable> neverRun = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (PaperDesk later = new PaperDesk(state.resolve("e"), journal, a -> a, neverRun::add)) {
      later.quotes.quote(INFY, 1500.00, 1500.10, 10_000);

      Order placed =
          later.service.place(order("elsewhere", INFY, OrderSide.BUY, 2, OrderType.MARKET, null));

      assertThat(placed.status()).isEqualTo(OrderStatus.FILLED);
      assertThat(journal.commits())
          .containsExactly(List.of("Created", "Submitting"), List.of("Filled"));
      assertThat(neverRun).as("nothing was left for the broker-event threads").isEmpty();
    }
  }

  @Test
  void aRestingOrdersAcceptanceReportedDuringPlacementIsJournaledOnce() {
    CommitLog journal = new CommitLog();
    try (PaperDesk counted = new PaperDesk(state.resolve("r"), journal, a -> a)) {
      counted.quotes.quote(INFY, 1500.00, 1500.10, 10_000);

      Order resting =
          counted.service.place(
              order("rest", INFY, OrderSide.BUY, 1, OrderType.LIMIT, new BigDecimal("1400.00")));

      assertThat(resting.status()).isEqualTo(OrderStatus.OPEN);
      assertThat(journal.commits())
          .containsExactly(List.of("Created", "Submitting"), List.of("BrokerReported"));
    }
  }

  @Test
  void aRepeatedClientOrderIdReturnsTheFirstOrderAndSendsNothing() {
    AtomicInteger sent = new AtomicInteger();
    try (PaperDesk counting =
        new PaperDesk(state.resolve("b"), new MemoryOrderStore(), a -> counting(a, sent))) {
      counting.quotes.quote(INFY, 1500.00, 1500.10, 10_000);
      OrderService.Placement first =
          counting.service.submit(order("same", INFY, OrderSide.BUY, 5, OrderType.MARKET, null));
      OrderService.Placement again =
          counting.service.submit(order("same", INFY, OrderSide.BUY, 5, OrderType.MARKET, null));

      assertThat(first.repeated()).isFalse();
      assertThat(again.repeated()).isTrue();
      assertThat(again.order().id()).isEqualTo(first.order().id());
      assertThat(sent).hasValue(1);
      assertThat(counting.portfolio.positions(ACCOUNT).getFirst().quantity()).isEqualTo(5);
    }
  }

  @Test
  void aRuleRejectionIsJournaledWithItsReasonAndNeverSent() {
    desk.risk.rejectWhen(intent -> intent.quantity() > 100);

    Order rejected =
        desk.service.place(order("big", INFY, OrderSide.BUY, 500, OrderType.MARKET, null));

    assertThat(rejected.status()).isEqualTo(OrderStatus.REJECTED);
    assertThat(rejected.message()).isEqualTo("order value above the test limit");
    assertThat(rejected.decision().ruleName()).isEqualTo("test-rule");
    assertThat(desk.service.history(rejected.id())).hasSize(1);
    assertThat(desk.service.find(rejected.id())).contains(rejected);
    assertThat(desk.portfolio.positions(ACCOUNT)).isEmpty();
  }

  @Test
  void badRequestsAreRefusedWithTheReasonAndNothingIsJournaled() {
    assertThatThrownBy(
            () ->
                desk.service.place(
                    order("lot", NIFTY_FUT, OrderSide.BUY, 60, OrderType.MARKET, null)))
        .isInstanceOf(OrderException.class)
        .hasMessage("quantity 60 is not a multiple of the lot size 50 of NFO:NIFTY25JANFUT");
    assertThatThrownBy(
            () ->
                desk.service.place(
                    order(
                        "tick",
                        INFY,
                        OrderSide.BUY,
                        1,
                        OrderType.LIMIT,
                        new BigDecimal("1500.03"))))
        .hasMessage("price 1500.03 is not a multiple of the tick size 0.05 of NSE:INFY");
    assertThatThrownBy(
            () ->
                desk.service.place(
                    order(
                        "unknown",
                        com.sharewise.api.market.InstrumentId.parse("NSE:NOSUCH"),
                        OrderSide.BUY,
                        1,
                        OrderType.MARKET,
                        null)))
        .satisfies(
            e ->
                assertThat(((OrderException) e).reason())
                    .isEqualTo(OrderException.Reason.NOT_FOUND))
        .hasMessage("unknown instrument NSE:NOSUCH");
    assertThatThrownBy(
            () -> desk.service.place(order("zero", INFY, OrderSide.BUY, 0, OrderType.MARKET, null)))
        .hasMessage("quantity must be positive, got 0");
    assertThat(desk.service.query(OrderQuery.of(null, 100))).isEmpty();
  }

  @Test
  void aHeldOrderWaitsForSomeoneElsesApproval() {
    desk.risk.holdWhen(intent -> intent.quantity() >= 50);
    Order held = desk.service.place(order("h", INFY, OrderSide.BUY, 50, OrderType.MARKET, null));
    assertThat(held.status()).isEqualTo(OrderStatus.HELD);

    assertThatThrownBy(() -> desk.service.release(held.id(), "asha"))
        .hasMessage("an order held for approval must be approved by someone else");
    Order released = desk.service.release(held.id(), "ravi");

    assertThat(released.status()).isEqualTo(OrderStatus.FILLED);
    assertThat(desk.portfolio.positions(ACCOUNT).getFirst().quantity()).isEqualTo(50);
  }

  @Test
  void aRestingLimitOrderCanBeModifiedAndCancelledButAFilledOneCannot() {
    Order resting =
        desk.service.place(
            order("r", INFY, OrderSide.BUY, 10, OrderType.LIMIT, new BigDecimal("1490.00")));
    assertThat(resting.status()).isEqualTo(OrderStatus.OPEN);

    Order modified =
        desk.service.modify(
            resting.id(),
            new OrderModification(20L, null, new BigDecimal("1491.00"), null),
            "asha");
    assertThat(modified.quantity()).isEqualTo(20);
    assertThat(modified.limitPrice()).isEqualByComparingTo("1491.00");

    Order cancelled = desk.service.cancel(resting.id(), "asha", null);
    assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThatThrownBy(() -> desk.service.cancel(resting.id(), "asha", null))
        .hasMessageContaining("is already CANCELLED");
  }

  @Test
  void aKillSwitchBlocksNewOrdersWithItsReason() {
    desk.killSwitch((account, strategy) -> Optional.of("kill switch ACCOUNT 1 engaged by admin"));

    assertThatThrownBy(
            () -> desk.service.place(order("k", INFY, OrderSide.BUY, 1, OrderType.MARKET, null)))
        .satisfies(
            e -> assertThat(((OrderException) e).reason()).isEqualTo(OrderException.Reason.BLOCKED))
        .hasMessage("kill switch ACCOUNT 1 engaged by admin");
  }

  @Test
  void aTimedOutPlacementBecomesUnknownAndIsReconciledFromTheBrokersBookNotResent() {
    AtomicInteger sent = new AtomicInteger();
    try (PaperDesk flaky =
        new PaperDesk(state.resolve("t"), new MemoryOrderStore(), a -> timingOut(a, sent))) {
      flaky.quotes.quote(INFY, 1500.00, 1500.10, 10_000);

      Order unknown =
          flaky.service.place(
              order("u", INFY, OrderSide.BUY, 3, OrderType.LIMIT, new BigDecimal("1450.00")));
      assertThat(unknown.status()).isEqualTo(OrderStatus.UNKNOWN);
      assertThat(unknown.message()).contains("read timed out");

      flaky.service.reconcile(List.of(unknown));

      Order known = flaky.service.find(unknown.id()).orElseThrow();
      assertThat(known.status()).isEqualTo(OrderStatus.OPEN);
      assertThat(known.brokerOrderId()).isNotEmpty();
      assertThat(sent).hasValue(1);
    }
  }

  @Test
  void fillsReportedDuringATimedOutPlacementStillCountOnce() {
    AtomicInteger sent = new AtomicInteger();
    try (PaperDesk flaky =
        new PaperDesk(state.resolve("f"), new MemoryOrderStore(), a -> timingOut(a, sent))) {
      flaky.quotes.quote(INFY, 1500.00, 1500.10, 10_000);

      Order order = flaky.service.place(order("m", INFY, OrderSide.BUY, 3, OrderType.MARKET, null));
      flaky.service.reconcile(List.of(order));

      assertThat(flaky.service.find(order.id()).orElseThrow().status())
          .isEqualTo(OrderStatus.FILLED);
      assertThat(sent).hasValue(1);
      assertThat(flaky.portfolio.positions(ACCOUNT).getFirst().quantity()).isEqualTo(3);
    }
  }

  @Test
  void anOrderTheBrokerNeverReceivedIsSentAgainWithTheSameIdAfterCheckingItsBook() {
    AtomicInteger attempts = new AtomicInteger();
    try (PaperDesk lossy =
        new PaperDesk(state.resolve("l"), new MemoryOrderStore(), a -> losingFirst(a, attempts))) {
      lossy.quotes.quote(INFY, 1500.00, 1500.10, 10_000);
      Order unknown =
          lossy.service.place(order("lost", INFY, OrderSide.SELL, 2, OrderType.MARKET, null));
      assertThat(unknown.status()).isEqualTo(OrderStatus.UNKNOWN);

      lossy.service.reconcile(List.of(unknown));

      assertThat(lossy.service.find(unknown.id()).orElseThrow().status())
          .isEqualTo(OrderStatus.FILLED);
      assertThat(attempts).hasValue(2);
    }
  }

  @Test
  void ordersAndPositionsAreRebuiltFromTheJournal() {
    MemoryOrderStore journal = new MemoryOrderStore();
    Order filled;
    Order resting;
    try (PaperDesk before = new PaperDesk(state.resolve("j"), journal, a -> a)) {
      before.quotes.quote(INFY, 1500.00, 1500.10, 10_000);
      filled = before.service.place(order("a", INFY, OrderSide.BUY, 7, OrderType.MARKET, null));
      resting =
          before.service.place(
              order("b", INFY, OrderSide.BUY, 1, OrderType.LIMIT, new BigDecimal("1400.00")));
    }
    try (PaperDesk after = new PaperDesk(state.resolve("j"), journal, a -> a)) {
      List<Order> working = after.service.recover();

      assertThat(working).extracting(Order::id).containsExactly(resting.id());
      assertThat(after.service.find(filled.id())).contains(filled);
      assertThat(after.portfolio.positions(ACCOUNT).getFirst().quantity()).isEqualTo(7);
      OrderService.Placement again =
          after.service.submit(order("a", INFY, OrderSide.BUY, 7, OrderType.MARKET, null));
      assertThat(again.repeated()).isTrue();
    }
  }

  private static BrokerAdapter counting(BrokerAdapter real, AtomicInteger sent) {
    return new Delegating(real) {
      @Override
      public OrderUpdate placeOrder(OrderRequest request) throws BrokerException {
        sent.incrementAndGet();
        return super.placeOrder(request);
      }
    };
  }

  /** Places the order, then loses the answer. */
  private static BrokerAdapter timingOut(BrokerAdapter real, AtomicInteger sent) {
    return new Delegating(real) {
      @Override
      public OrderUpdate placeOrder(OrderRequest request) throws BrokerException {
        sent.incrementAndGet();
        super.placeOrder(request);
        throw new BrokerException(BrokerException.Reason.OUTCOME_UNKNOWN, "read timed out");
      }
    };
  }

  /** The first placement never reaches the broker; later ones do. */
  private static BrokerAdapter losingFirst(BrokerAdapter real, AtomicInteger attempts) {
    return new Delegating(real) {
      @Override
      public OrderUpdate placeOrder(OrderRequest request) throws BrokerException {
        if (attempts.incrementAndGet() == 1) {
          throw new BrokerException(BrokerException.Reason.OUTCOME_UNKNOWN, "connection reset");
        }
        return super.placeOrder(request);
      }
    };
  }
}
