package com.sharewise.broker.paper.internal;

import static com.sharewise.api.trading.OrderSide.BUY;
import static com.sharewise.api.trading.OrderSide.SELL;
import static com.sharewise.broker.paper.internal.Orders.limit;
import static com.sharewise.broker.paper.internal.Orders.market;
import static com.sharewise.broker.paper.internal.Orders.marketIoc;
import static com.sharewise.broker.paper.internal.Orders.stopLimit;
import static com.sharewise.broker.paper.internal.Orders.stopMarket;
import static com.sharewise.broker.paper.internal.TestBrokerContext.Quotes.asks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.sharewise.api.broker.BrokerAdapter;
import com.sharewise.api.broker.BrokerException;
import com.sharewise.api.broker.BrokerException.Reason;
import com.sharewise.api.market.MarketDepth;
import com.sharewise.api.market.Tick;
import com.sharewise.api.trading.Fill;
import com.sharewise.api.trading.OrderModification;
import com.sharewise.api.trading.OrderStatus;
import com.sharewise.api.trading.OrderType;
import com.sharewise.api.trading.OrderUpdate;
import com.sharewise.api.trading.Validity;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How orders fill after placement: resting orders as later quotes arrive, bounded by traded volume;
 * market orders through the visible depth; latency; stop-losses; IOC; modifications. The test
 * context delivers pushed quotes synchronously, so each assertion sees what the quote did.
 */
class PaperBrokerFillsTest {

  private static final String INFY = "NSE:INFY";

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
  void aRestingLimitBuyFillsWhenTheAskComesDownToIt() throws Exception {
    open(Map.of());
    OrderUpdate open = broker.placeOrder(limit("c-1", BUY, 10, "1520.00"));
    assertThat(open.status()).isEqualTo(OrderStatus.OPEN);
    assertThat(context.quotes.subscribers(INFY)).as("the adapter follows INFY now").isEqualTo(1);

    context.clock.advance(Duration.ofMinutes(1));
    push(1521.00, 1521.10, 1521.05, 1_050); // still above the limit
    assertThat(status("c-1")).isEqualTo(OrderStatus.OPEN);
    push(1519.80, 1519.95, 1519.90, 1_100);

    assertThat(context.callback.fills)
        .singleElement()
        .satisfies(
            fill -> {
              assertThat(fill.quantity()).isEqualTo(10);
              assertThat(fill.price()).isEqualTo(price("1519.95"));
              assertThat(fill.time()).isEqualTo(context.clock.instant());
              assertThat(fill.charges()).isPositive();
            });
    assertThat(status("c-1")).isEqualTo(OrderStatus.FILLED);
    assertThat(context.quotes.subscribers(INFY)).as("no working order left: unsubscribed").isZero();
  }

  @Test
  void aRestingLimitNeverFillsWorseThanItsLimitEvenWithSlippage() throws Exception {
    open(Map.of("slippageBps", "10"));
    broker.placeOrder(limit("c-1", BUY, 10, "1520.00"));

    push(1519.80, 1519.95, 1519.90, 1_100); // 1519.95 + 0.1% = 1521.47

    assertThat(context.callback.fills).extracting(Fill::price).containsExactly(price("1520.00"));
  }

  @Test
  void aRestingLimitSellFillsWhenTheBidRisesToIt() throws Exception {
    open(Map.of());
    broker.placeOrder(limit("c-1", SELL, 5, "1530.00"));

    push(1530.10, 1530.20, 1530.15, 1_010);

    assertThat(context.callback.fills).extracting(Fill::price).containsExactly(price("1530.10"));
    assertThat(status("c-1")).isEqualTo(OrderStatus.FILLED);
  }

  @Test
  void aRestingOrderFillsNoMoreThanWhatTradedSinceThePreviousQuote() throws Exception {
    open(Map.of());
    broker.placeOrder(limit("c-1", BUY, 100, "1520.00")); // the day's volume is 1,000 now

    push(1519.90, 1519.95, 1519.95, 1_030); // 30 traded
    OrderUpdate partly = update("c-1");
    push(1519.90, 1519.95, 1519.95, 1_030); // nothing traded
    push(1520.90, 1521.00, 1521.00, 1_100); // 70 traded, but above the limit
    push(1519.95, 1520.00, 1520.00, 1_180); // 80 traded, 70 wanted

    assertThat(partly.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
    assertThat(partly.filledQuantity()).isEqualTo(30);
    assertThat(context.callback.fills)
        .extracting(Fill::fillId, Fill::quantity, Fill::price)
        .containsExactly(
            tuple("PAPER-1-1", 30L, price("1519.95")), tuple("PAPER-1-2", 70L, price("1520.00")));
    OrderUpdate filled = update("c-1");
    assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
    // (30 × 1519.95 + 70 × 1520.00) / 100
    assertThat(filled.averagePrice()).isEqualTo(price("1519.985"));
    assertThat(context.callback.updates)
        .extracting(OrderUpdate::status, OrderUpdate::filledQuantity)
        .containsExactly(
            tuple(OrderStatus.OPEN, 0L),
            tuple(OrderStatus.PARTIALLY_FILLED, 30L),
            tuple(OrderStatus.FILLED, 100L));
  }

  @Test
  void theParticipationSettingTakesOnlyItsShareOfTheTradedVolume() throws Exception {
    open(Map.of("participationPercent", "25"));
    broker.placeOrder(limit("c-1", BUY, 100, "1520.00"));

    push(1519.90, 1519.95, 1519.95, 1_030); // 25% of 30 = 7.5

    assertThat(update("c-1").filledQuantity()).isEqualTo(7);
  }

  @Test
  void restingOrdersShareTheTradedVolumeInTimePriority() throws Exception {
    open(Map.of());
    broker.placeOrder(limit("c-1", BUY, 20, "1520.00"));
    broker.placeOrder(limit("c-2", BUY, 20, "1521.00"));

    push(1519.90, 1519.95, 1519.95, 1_030);

    assertThat(update("c-1").filledQuantity()).isEqualTo(20);
    assertThat(update("c-2").filledQuantity()).isEqualTo(10);
  }

  @Test
  void aMarketOrderWalksTheVisibleDepthAndTheRestFillsFromLaterVolume() throws Exception {
    open(Map.of());
    context.quotes.set(depthQuote(asks(1523.55, 4, 1523.60, 3)));

    OrderUpdate placed = broker.placeOrder(market("c-1", BUY, 10));

    assertThat(placed.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
    assertThat(placed.filledQuantity()).isEqualTo(7);
    assertThat(placed.averagePrice()).isEqualTo(price("1523.5714")); // 10,665.00 / 7
    push(1523.50, 1523.65, 1523.60, 1_002);
    assertThat(update("c-1").filledQuantity()).isEqualTo(9);
    push(1523.55, 1523.70, 1523.65, 1_010);

    assertThat(context.callback.fills)
        .extracting(Fill::quantity, Fill::price)
        .containsExactly(
            tuple(4L, price("1523.55")),
            tuple(3L, price("1523.60")),
            tuple(2L, price("1523.65")),
            tuple(1L, price("1523.70")));
    assertThat(status("c-1")).isEqualTo(OrderStatus.FILLED);
    assertThat(context.callback.fills)
        .extracting(Fill::charges)
        .allSatisfy(charges -> assertThat(charges).isPositive());
  }

  @Test
  void anIocMarketOrderKeepsWhatTheDepthFilledAndCancelsTheRest() throws Exception {
    open(Map.of());
    context.quotes.set(depthQuote(asks(1523.55, 4, 1523.60, 3)));

    OrderUpdate update = broker.placeOrder(marketIoc("c-1", BUY, 10));

    assertThat(update.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(update.filledQuantity()).isEqualTo(7);
    assertThat(update.message())
        .isEqualTo("IOC order: 7 of 10 filled at once, the other 3 cancelled");
    assertThat(context.quotes.subscribers(INFY)).isZero();
  }

  @Test
  void anIocLimitTakesTheDepthUpToItsLimitAndCancelsTheRest() throws Exception {
    open(Map.of());
    context.quotes.set(depthQuote(asks(1523.55, 4, 1524.00, 2, 1524.50, 10)));

    OrderUpdate update = broker.placeOrder(limit("c-1", BUY, 10, "1524.00", Validity.IOC));

    assertThat(context.callback.fills)
        .extracting(Fill::quantity, Fill::price)
        .containsExactly(tuple(4L, price("1523.55")), tuple(2L, price("1524.00")));
    assertThat(update.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(update.message())
        .isEqualTo("IOC order: 6 of 10 filled at once, the other 4 cancelled");
  }

  @Test
  void withLatencyAnOrderFillsOnlyFromQuotesStampedThatLongAfterPlacement() throws Exception {
    open(Map.of("latencyMillis", "500"));
    Instant placedAt = context.clock.instant();

    OrderUpdate placed = broker.placeOrder(market("c-1", BUY, 10));
    push(at(placedAt.plusMillis(499), 1523.45, 1523.60, 1523.55, 1_001));
    OrderUpdate stillOpen = update("c-1");
    push(at(placedAt.plusMillis(500), 1523.50, 1523.65, 1523.60, 1_002));

    assertThat(placed.status()).isEqualTo(OrderStatus.OPEN);
    assertThat(stillOpen.status()).isEqualTo(OrderStatus.OPEN);
    // it meets the market at that quote: no depth shown, so it fills in full at the ask
    assertThat(context.callback.fills)
        .singleElement()
        .satisfies(
            fill -> {
              assertThat(fill.quantity()).isEqualTo(10);
              assertThat(fill.price()).isEqualTo(price("1523.65"));
              assertThat(fill.time()).isEqualTo(placedAt.plusMillis(500));
            });
  }

  @Test
  void withLatencyEvenAMarketableLimitWaitsForALaterQuote() throws Exception {
    open(Map.of("latencyMillis", "200"));

    OrderUpdate placed = broker.placeOrder(limit("c-1", BUY, 10, "1525.00"));

    assertThat(placed.status()).isEqualTo(OrderStatus.OPEN);
    assertThat(context.callback.fills).isEmpty();
  }

  @Test
  void aStopLossMarketSellTriggersWhenTheLastPriceFallsToItsTrigger() throws Exception {
    open(Map.of());
    OrderUpdate placed = broker.placeOrder(stopMarket("c-1", SELL, 10, "1500.00"));
    push(1505.00, 1505.10, 1505.05, 1_100);
    OrderUpdate waiting = update("c-1");

    push(1499.90, 1500.00, 1499.95, 1_200);

    assertThat(placed.status()).isEqualTo(OrderStatus.OPEN);
    assertThat(waiting.status()).isEqualTo(OrderStatus.OPEN);
    assertThat(context.callback.fills)
        .extracting(Fill::quantity, Fill::price)
        .containsExactly(tuple(10L, price("1499.90")));
    assertThat(status("c-1")).isEqualTo(OrderStatus.FILLED);
  }

  @Test
  void aStopLossLimitBuyWaitsForItsTriggerThenFillsNoWorseThanItsLimit() throws Exception {
    open(Map.of());
    broker.placeOrder(stopLimit("c-1", BUY, 10, "1531.00", "1530.00"));

    push(1528.90, 1529.00, 1529.00, 1_100); // the ask is under the limit, but no trigger yet
    assertThat(context.callback.fills).isEmpty();
    push(1530.40, 1530.50, 1530.00, 1_200);

    assertThat(context.callback.fills).extracting(Fill::price).containsExactly(price("1530.50"));
  }

  @Test
  void aTriggeredStopLossLimitThatCannotFillRestsAtItsLimit() throws Exception {
    open(Map.of());
    broker.placeOrder(stopLimit("c-1", SELL, 10, "1495.00", "1500.00"));

    push(1494.00, 1494.50, 1500.00, 1_100); // triggered, but the bid is below the limit
    OrderUpdate resting = update("c-1");
    push(1495.00, 1495.50, 1495.00, 1_104); // 4 traded at the limit

    assertThat(resting.status()).isEqualTo(OrderStatus.OPEN);
    assertThat(context.callback.fills)
        .extracting(Fill::quantity, Fill::price)
        .containsExactly(tuple(4L, price("1495.00")));
  }

  @Test
  void rejectsAStopLossWhoseLimitIsOnTheWrongSideOfItsTrigger() throws Exception {
    open(Map.of());

    assertRejected(
        () -> broker.placeOrder(stopLimit("c-1", BUY, 10, "1529.00", "1530.00")),
        "the limit price 1529.00 of a stop-loss buy must be at or above its trigger price 1530.00");
    assertRejected(
        () -> broker.placeOrder(stopLimit("c-2", SELL, 10, "1501.00", "1500.00")),
        "the limit price 1501.00 of a stop-loss sell must be at or below its trigger price 1500.00");
  }

  @Test
  void raisingALimitToAMarketablePriceFillsAtOnce() throws Exception {
    open(Map.of());
    broker.placeOrder(limit("c-1", BUY, 10, "1520.00"));
    context.clock.advance(Duration.ofSeconds(30));

    OrderUpdate modified =
        broker.modifyOrder(
            "c-1", "PAPER-1", new OrderModification(null, null, price("1525.00"), null));

    assertThat(modified.status()).isEqualTo(OrderStatus.FILLED);
    assertThat(modified.averagePrice()).isEqualTo(price("1523.55"));
    assertThat(modified.time()).isEqualTo(context.clock.instant());
  }

  @Test
  void aLimitOrderModifiedToMarketFillsAtOnce() throws Exception {
    open(Map.of());
    broker.placeOrder(limit("c-1", SELL, 10, "1530.00"));

    OrderUpdate modified =
        broker.modifyOrder("c-1", "", new OrderModification(null, OrderType.MARKET, null, null));

    assertThat(modified.status()).isEqualTo(OrderStatus.FILLED);
    assertThat(modified.averagePrice()).isEqualTo(price("1523.40"));
  }

  @Test
  void theQuantityOfAPartlyFilledOrderCanGrowOrShrinkToWhatIsFilled() throws Exception {
    open(Map.of());
    broker.placeOrder(limit("c-1", BUY, 100, "1520.00"));
    push(1519.90, 1519.95, 1519.95, 1_030); // 30 filled
    push(1520.90, 1521.00, 1521.00, 1_030); // the market moves away

    assertRejected(
        () -> broker.modifyOrder("c-1", "PAPER-1", new OrderModification(20L, null, null, null)),
        "cannot modify order PAPER-1: the new quantity 20 is less than the 30 already filled");
    OrderUpdate grown =
        broker.modifyOrder("c-1", "PAPER-1", new OrderModification(120L, null, null, null));
    OrderUpdate done =
        broker.modifyOrder("c-1", "PAPER-1", new OrderModification(30L, null, null, null));

    assertThat(grown.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
    assertThat(done.status()).isEqualTo(OrderStatus.FILLED);
    assertThat(done.filledQuantity()).isEqualTo(30);
    assertThat(context.quotes.subscribers(INFY)).isZero();
  }

  @Test
  void aModificationIsCheckedLikeANewOrder() throws Exception {
    open(Map.of());
    broker.placeOrder(limit("c-1", BUY, 10, "1520.00"));

    assertRejected(
        () ->
            broker.modifyOrder(
                "c-1", "PAPER-1", new OrderModification(null, null, price("1520.03"), null)),
        "cannot modify order PAPER-1: limit price 1520.03 is not a multiple of the tick size 0.05"
            + " for NSE:INFY");
    assertRejected(
        () ->
            broker.modifyOrder(
                "c-1", "PAPER-1", new OrderModification(null, OrderType.SL, null, null)),
        "cannot modify order PAPER-1: a SL order needs a trigger price");
    assertThat(update("c-1").status()).isEqualTo(OrderStatus.OPEN);
    assertRejected(
        () -> broker.modifyOrder("c-9", null, new OrderModification(5L, null, null, null)),
        "no paper order with client order id c-9");
  }

  @Test
  void aFinishedOrderCannotBeModified() throws Exception {
    open(Map.of());
    broker.placeOrder(market("c-1", BUY, 10));

    assertRejected(
        () -> broker.modifyOrder("c-1", "PAPER-1", new OrderModification(20L, null, null, null)),
        "order PAPER-1 is already FILLED and cannot be modified");
  }

  @Test
  void aStopLossTriggerCanBeMoved() throws Exception {
    open(Map.of());
    broker.placeOrder(stopMarket("c-1", SELL, 10, "1500.00"));

    broker.modifyOrder("c-1", "PAPER-1", new OrderModification(null, null, null, price("1510.00")));
    push(1508.90, 1509.00, 1509.00, 1_100);

    assertThat(status("c-1")).isEqualTo(OrderStatus.FILLED);
    assertThat(context.callback.fills).extracting(Fill::price).containsExactly(price("1508.90"));
  }

  @Test
  void followsQuotesOnlyWhileThereAreWorkingOrders() throws Exception {
    open(Map.of());
    broker.placeOrder(limit("c-1", BUY, 10, "1520.00"));
    broker.placeOrder(limit("c-2", BUY, 10, "1519.00"));
    assertThat(context.quotes.subscribers(INFY)).as("one subscription per instrument").isEqualTo(1);

    broker.cancelOrder("c-1", "PAPER-1");
    assertThat(context.quotes.subscribers(INFY)).isEqualTo(1);
    broker.close();

    assertThat(context.quotes.subscribers(INFY)).isZero();
    push(1500.00, 1500.05, 1500.00, 5_000);
    assertThat(context.callback.fills).as("nothing fills after close").isEmpty();
  }

  private void open(Map<String, String> settings) throws BrokerException {
    context = new TestBrokerContext(state, settings);
    context.quotes.quote(INFY, 1523.40, 1523.55, 1523.50);
    broker = new PaperBrokerFactory().create(context);
    broker.connect();
  }

  /** INFY at 1523.40 / 1523.55, last 1523.50, 1,000 traded, with {@code depth}. */
  private Tick depthQuote(MarketDepth depth) {
    return TestBrokerContext.Quotes.tick(
        INFY, context.clock.instant(), 1523.40, 1523.55, 1523.50, 1_000, depth);
  }

  private void push(double bid, double ask, double last, long volume) {
    context.quotes.push(context.quotes.tick(INFY, bid, ask, last, volume));
  }

  private void push(Tick tick) {
    context.quotes.push(tick);
  }

  private static Tick at(Instant time, double bid, double ask, double last, long volume) {
    return TestBrokerContext.Quotes.tick(INFY, time, bid, ask, last, volume, MarketDepth.EMPTY);
  }

  private OrderUpdate update(String clientOrderId) throws BrokerException {
    return broker.orderBook().stream()
        .filter(order -> order.clientOrderId().equals(clientOrderId))
        .findFirst()
        .orElseThrow();
  }

  private OrderStatus status(String clientOrderId) throws BrokerException {
    return update(clientOrderId).status();
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
