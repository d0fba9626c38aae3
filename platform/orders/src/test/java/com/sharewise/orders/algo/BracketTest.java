package com.sharewise.orders.algo;

import static com.sharewise.orders.algo.Desk.price;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sharewise.api.trading.OrderSide;
import com.sharewise.api.trading.OrderStatus;
import com.sharewise.api.trading.OrderType;
import com.sharewise.orders.Algorithm;
import com.sharewise.orders.Order;
import com.sharewise.orders.OrderException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BracketTest {

  private final Desk desk = new Desk();

  private Order buyBracket(long quantity) {
    return desk.place(
        Algorithm.BRACKET,
        OrderSide.BUY,
        quantity,
        OrderType.LIMIT,
        price("1500"),
        null,
        Map.of("target", "1550", "stop", "1480"));
  }

  private void fill(Order child, long quantity, double price) {
    desk.broker.fill(child.id(), quantity, price);
    desk.settle();
  }

  @Test
  void theEntryGoesFirstAndTheExitsFollowItsFill() {
    Order parent = buyBracket(100);

    assertThat(desk.children(parent.id())).hasSize(1);
    Order entry = desk.child(parent.id(), "entry");
    assertThat(entry.side()).isEqualTo(OrderSide.BUY);
    assertThat(entry.type()).isEqualTo(OrderType.LIMIT);
    assertThat(entry.limitPrice()).isEqualByComparingTo("1500");
    assertThat(entry.quantity()).isEqualTo(100);

    fill(entry, 100, 1500);

    Order target = desk.child(parent.id(), "target");
    assertThat(target.side()).isEqualTo(OrderSide.SELL);
    assertThat(target.type()).isEqualTo(OrderType.LIMIT);
    assertThat(target.limitPrice()).isEqualByComparingTo("1550");
    assertThat(target.quantity()).isEqualTo(100);
    assertThat(target.status()).isEqualTo(OrderStatus.OPEN);
    Order stop = desk.child(parent.id(), "stop");
    assertThat(stop.side()).isEqualTo(OrderSide.SELL);
    assertThat(stop.type()).isEqualTo(OrderType.SL_M);
    assertThat(stop.triggerPrice()).isEqualByComparingTo("1480");
    assertThat(stop.quantity()).isEqualTo(100);
    Order shown = desk.order(parent.id());
    assertThat(shown.status()).isEqualTo(OrderStatus.FILLED);
    assertThat(shown.filledQuantity()).isEqualTo(100);
    assertThat(shown.averagePrice()).isEqualByComparingTo("1500");
  }

  @Test
  void theTargetFillingCancelsTheStop() {
    Order parent = buyBracket(100);
    fill(desk.child(parent.id(), "entry"), 100, 1500);

    fill(desk.child(parent.id(), "target"), 100, 1550);

    assertThat(desk.child(parent.id(), "target").status()).isEqualTo(OrderStatus.FILLED);
    assertThat(desk.child(parent.id(), "stop").status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(desk.broker.held(desk.child(parent.id(), "stop").id()).status)
        .isEqualTo(OrderStatus.CANCELLED);
  }

  @Test
  void theStopFillingCancelsTheTarget() {
    Order parent = buyBracket(100);
    fill(desk.child(parent.id(), "entry"), 100, 1500);

    fill(desk.child(parent.id(), "stop"), 100, 1479.5);

    assertThat(desk.child(parent.id(), "target").status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(desk.child(parent.id(), "stop").status()).isEqualTo(OrderStatus.FILLED);
  }

  @Test
  void aPartlyFilledEntryIsProtectedAndTheExitsGrowWithIt() {
    Order parent = buyBracket(100);
    Order entry = desk.child(parent.id(), "entry");

    fill(entry, 40, 1500);

    assertThat(desk.child(parent.id(), "target").quantity()).isEqualTo(40);
    assertThat(desk.child(parent.id(), "stop").quantity()).isEqualTo(40);
    assertThat(desk.order(parent.id()).filledQuantity()).isEqualTo(40);

    fill(entry, 60, 1499);

    Order target = desk.child(parent.id(), "target");
    Order stop = desk.child(parent.id(), "stop");
    assertThat(target.quantity()).isEqualTo(100);
    assertThat(stop.quantity()).isEqualTo(100);
    assertThat(desk.broker.held(target.id()).quantity).isEqualTo(100);
    assertThat(desk.broker.held(stop.id()).quantity).isEqualTo(100);
    assertThat(desk.order(parent.id()).averagePrice()).isEqualByComparingTo("1499.4");
  }

  @Test
  void aPartlyFilledTargetShrinksTheStopToWhatIsStillOpen() {
    Order parent = buyBracket(100);
    fill(desk.child(parent.id(), "entry"), 100, 1500);

    fill(desk.child(parent.id(), "target"), 30, 1550);

    Order stop = desk.child(parent.id(), "stop");
    assertThat(stop.quantity()).isEqualTo(70);
    assertThat(desk.broker.held(stop.id()).quantity).isEqualTo(70);
    assertThat(stop.status()).isEqualTo(OrderStatus.OPEN);
  }

  @Test
  void aRejectedEntryRejectsTheParentWithTheRulesReason() {
    AtomicInteger evaluations = new AtomicInteger();
    desk.risk.rejectWhen(intent -> evaluations.incrementAndGet() > 1); // the parent passes

    Order parent = buyBracket(100);
    desk.settle();

    Order shown = desk.order(parent.id());
    assertThat(shown.status()).isEqualTo(OrderStatus.REJECTED);
    assertThat(shown.message()).contains("order value above the test limit");
    assertThat(desk.children(parent.id()))
        .singleElement()
        .extracting(Order::status)
        .isEqualTo(OrderStatus.REJECTED);
  }

  @Test
  void cancellingBeforeTheEntryFillsCancelsTheEntry() {
    Order parent = buyBracket(100);

    desk.service.cancel(parent.id(), "asha", "changed my mind");
    desk.settle();

    assertThat(desk.order(parent.id()).status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(desk.child(parent.id(), "entry").status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(desk.children(parent.id())).hasSize(1);
  }

  @Test
  void aShortBracketMirrorsTheExits() {
    Order parent =
        desk.place(
            Algorithm.BRACKET,
            OrderSide.SELL,
            50,
            OrderType.MARKET,
            null,
            null,
            Map.of("target", "1450", "stop", "1520"));
    desk.fillMarket();

    Order target = desk.child(parent.id(), "target");
    Order stop = desk.child(parent.id(), "stop");
    assertThat(target.side()).isEqualTo(OrderSide.BUY);
    assertThat(target.limitPrice()).isEqualByComparingTo("1450");
    assertThat(stop.side()).isEqualTo(OrderSide.BUY);
    assertThat(stop.triggerPrice()).isEqualByComparingTo("1520");
  }

  @Test
  void parametersAreCheckedAgainstTheSideAndNamed() {
    assertThatThrownBy(() -> bracket(Map.of("stop", "1480")))
        .isInstanceOf(OrderException.class)
        .hasMessageContaining("'target'")
        .extracting(e -> ((OrderException) e).reason())
        .isEqualTo(OrderException.Reason.INVALID);
    assertThatThrownBy(() -> bracket(Map.of("target", "1490", "stop", "1480")))
        .hasMessageContaining("'target'")
        .hasMessageContaining("above the entry price 1500");
    assertThatThrownBy(() -> bracket(Map.of("target", "1550", "stop", "1505")))
        .hasMessageContaining("'stop'")
        .hasMessageContaining("below");
    assertThatThrownBy(() -> bracket(Map.of("target", "1550.03", "stop", "1480")))
        .hasMessageContaining("'target'")
        .hasMessageContaining("tick size");
    assertThatThrownBy(() -> bracket(Map.of("target", "abc", "stop", "1480")))
        .hasMessageContaining("'target'");
    assertThatThrownBy(() -> bracket(Map.of("target", "1550", "stop", "1480", "trail", "5")))
        .hasMessageContaining("'trail'");
    assertThat(desk.store.orders()).isEmpty();
  }

  private Order bracket(Map<String, String> parameters) {
    return desk.place(
        Algorithm.BRACKET, OrderSide.BUY, 100, OrderType.LIMIT, price("1500"), null, parameters);
  }
}
