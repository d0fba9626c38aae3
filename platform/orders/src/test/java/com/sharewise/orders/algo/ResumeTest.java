package com.sharewise.orders.algo;

import static com.sharewise.orders.algo.Desk.INFY;
import static com.sharewise.orders.algo.Desk.OPENING;
import static com.sharewise.orders.algo.Desk.price;
import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.api.trading.OrderSide;
import com.sharewise.api.trading.OrderStatus;
import com.sharewise.api.trading.OrderType;
import com.sharewise.orders.Algorithm;
import com.sharewise.orders.Order;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** After a restart the journal's OPEN parents go on where they stopped. */
class ResumeTest {

  private final Desk before = new Desk();

  @Test
  void aTwapPlacesOnlyTheSlicesItHadNotPlaced() {
    Order parent =
        before.place(
            Algorithm.TWAP,
            OrderSide.BUY,
            100,
            OrderType.MARKET,
            null,
            null,
            Map.of("minutes", "30", "slices", "4"));
    before.runFillingUntil(OPENING.plus(Duration.ofMinutes(10)));
    assertThat(before.children(parent.id())).hasSize(2);

    Desk after = before.restart();
    after.runFillingUntil(OPENING.plus(Duration.ofMinutes(40)));

    assertThat(after.children(parent.id()))
        .extracting(Order::clientOrderId)
        .containsExactly(
            parent.id() + ":slice-0",
            parent.id() + ":slice-1",
            parent.id() + ":slice-2",
            parent.id() + ":slice-3");
    assertThat(after.child(parent.id(), "slice-2").createdAt())
        .isEqualTo(OPENING.plus(Duration.ofMinutes(15)));
    Order shown = after.order(parent.id());
    assertThat(shown.status()).isEqualTo(OrderStatus.FILLED);
    assertThat(shown.filledQuantity()).isEqualTo(100);
  }

  @Test
  void slicesMissedWhileDownGoTogetherAtTheRestart() {
    Order parent =
        before.place(
            Algorithm.TWAP,
            OrderSide.BUY,
            100,
            OrderType.MARKET,
            null,
            null,
            Map.of("minutes", "30", "slices", "4"));
    before.fillMarket();
    before.clock.set(OPENING.plus(Duration.ofMinutes(20))); // slices 1 and 2 missed

    Desk after = before.restart();
    after.runFillingUntil(OPENING.plus(Duration.ofMinutes(40)));

    assertThat(after.children(parent.id()))
        .extracting(Order::quantity)
        .containsExactly(25L, 50L, 25L);
    assertThat(after.order(parent.id()).filledQuantity()).isEqualTo(100);
  }

  @Test
  void aBracketKeepsItsOneCancelsOtherAcrossARestart() {
    Order parent =
        before.place(
            Algorithm.BRACKET,
            OrderSide.BUY,
            100,
            OrderType.LIMIT,
            price("1500"),
            null,
            Map.of("target", "1550", "stop", "1480"));
    before.broker.fill(before.child(parent.id(), "entry").id(), 100, 1500);
    before.settle();

    Desk after = before.restart();
    after.broker.fill(after.child(parent.id(), "target").id(), 100, 1550);
    after.settle();

    assertThat(after.child(parent.id(), "stop").status()).isEqualTo(OrderStatus.CANCELLED);
  }

  @Test
  void anIcebergShowsItsNextLegAfterARestart() {
    Order parent =
        before.place(
            Algorithm.ICEBERG,
            OrderSide.BUY,
            300,
            OrderType.LIMIT,
            price("1500"),
            null,
            Map.of("legQuantity", "100"));
    Order first = before.child(parent.id(), "leg-0");

    Desk after = before.restart();
    after.broker.fill(first.id(), 100, 1500);
    after.settle();

    assertThat(after.children(parent.id())).hasSize(2);
    assertThat(after.child(parent.id(), "leg-1").status()).isEqualTo(OrderStatus.OPEN);
    assertThat(after.order(parent.id()).filledQuantity()).isEqualTo(100);
  }

  @Test
  void aTrailingStopFollowsQuotesAgainAfterARestart() {
    before.quotes.last(INFY, 1455);
    Order parent =
        before.place(
            Algorithm.TRAILING_STOP,
            OrderSide.SELL,
            100,
            OrderType.SL_M,
            null,
            price("1450"),
            Map.of("trail", "10"));

    Desk after = before.restart();
    after.quotes.last(INFY, 1480);
    after.settle();

    assertThat(after.child(parent.id(), "stop").triggerPrice()).isEqualByComparingTo("1470");
  }
}
