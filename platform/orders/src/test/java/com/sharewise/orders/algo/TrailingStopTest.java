package com.sharewise.orders.algo;

import static com.sharewise.orders.algo.Desk.INFY;
import static com.sharewise.orders.algo.Desk.price;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sharewise.api.trading.OrderSide;
import com.sharewise.api.trading.OrderStatus;
import com.sharewise.api.trading.OrderType;
import com.sharewise.orders.Algorithm;
import com.sharewise.orders.Order;
import com.sharewise.orders.OrderException;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrailingStopTest {

  private final Desk desk = new Desk();

  private Order trailing(OrderSide side, String trigger, Map<String, String> parameters) {
    return desk.place(
        Algorithm.TRAILING_STOP, side, 100, OrderType.SL_M, null, price(trigger), parameters);
  }

  private void last(double price) {
    desk.quotes.last(INFY, price);
    desk.settle();
  }

  private BigDecimal trigger(Order parent) {
    return desk.child(parent.id(), "stop").triggerPrice();
  }

  @Test
  void aSellStopFollowsThePriceUpAndNeverDown() {
    desk.quotes.last(INFY, 1455);
    Order parent = trailing(OrderSide.SELL, "1450", Map.of("trail", "10"));

    Order stop = desk.child(parent.id(), "stop");
    assertThat(stop.side()).isEqualTo(OrderSide.SELL);
    assertThat(stop.type()).isEqualTo(OrderType.SL_M);
    assertThat(stop.quantity()).isEqualTo(100);
    assertThat(trigger(parent)).isEqualByComparingTo("1450");

    last(1475);
    assertThat(trigger(parent)).isEqualByComparingTo("1465");
    last(1470);
    assertThat(trigger(parent)).isEqualByComparingTo("1465");
    last(1490.02);
    assertThat(trigger(parent)).isEqualByComparingTo("1480");
    last(1462);
    assertThat(trigger(parent)).isEqualByComparingTo("1480");

    assertThat(desk.broker.held(stop.id()).triggers)
        .extracting(BigDecimal::toPlainString)
        .containsExactly("1450", "1465.00", "1480.00");
  }

  @Test
  void aMoveOfLessThanOneTickDoesNotModifyTheStop() {
    desk.quotes.last(INFY, 1460);
    Order parent = trailing(OrderSide.SELL, "1450", Map.of("trail", "10"));

    last(1460.04);

    assertThat(desk.broker.held(desk.child(parent.id(), "stop").id()).triggers).hasSize(1);
  }

  @Test
  void theFirstTriggerIsTightenedToTheMarket() {
    desk.quotes.last(INFY, 1500);
    Order parent = trailing(OrderSide.SELL, "1450", Map.of("trail", "10"));

    assertThat(trigger(parent)).isEqualByComparingTo("1490");
  }

  @Test
  void aBuyStopByPercentFollowsThePriceDown() {
    desk.quotes.last(INFY, 1500);
    Order parent = trailing(OrderSide.BUY, "1530", Map.of("trailPercent", "1"));

    assertThat(trigger(parent)).isEqualByComparingTo("1515");
    last(1480);
    assertThat(trigger(parent)).isEqualByComparingTo("1494.80");
    last(1490);
    assertThat(trigger(parent)).isEqualByComparingTo("1494.80");
  }

  @Test
  void whenTheStopFillsTheParentIsFilledAndQuotesAreNoLongerFollowed() {
    desk.quotes.last(INFY, 1455);
    Order parent = trailing(OrderSide.SELL, "1450", Map.of("trail", "10"));
    assertThat(desk.quotes.subscribers(INFY)).isEqualTo(1);

    desk.broker.fill(desk.child(parent.id(), "stop").id(), 100, 1449.5);
    desk.settle();

    Order shown = desk.order(parent.id());
    assertThat(shown.status()).isEqualTo(OrderStatus.FILLED);
    assertThat(shown.filledQuantity()).isEqualTo(100);
    assertThat(shown.averagePrice()).isEqualByComparingTo("1449.5");
    assertThat(desk.quotes.subscribers(INFY)).isZero();
  }

  @Test
  void cancellingTheParentCancelsTheStopAndStopsTrailing() {
    desk.quotes.last(INFY, 1455);
    Order parent = trailing(OrderSide.SELL, "1450", Map.of("trail", "10"));

    desk.service.cancel(parent.id(), "asha", null);
    desk.settle();
    last(1600);

    Order stop = desk.child(parent.id(), "stop");
    assertThat(stop.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(stop.triggerPrice()).isEqualByComparingTo("1450");
    assertThat(desk.order(parent.id()).status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(desk.quotes.subscribers(INFY)).isZero();
  }

  @Test
  void parametersAreNamedWhenWrong() {
    assertThatThrownBy(() -> trailing(OrderSide.SELL, "1450", Map.of()))
        .isInstanceOf(OrderException.class)
        .hasMessageContaining("'trail'");
    assertThatThrownBy(
            () -> trailing(OrderSide.SELL, "1450", Map.of("trail", "10", "trailPercent", "1")))
        .hasMessageContaining("not both");
    assertThatThrownBy(() -> trailing(OrderSide.SELL, "1450", Map.of("trailPercent", "150")))
        .hasMessageContaining("'trailPercent'");
    assertThatThrownBy(() -> trailing(OrderSide.SELL, "1450", Map.of("trail", "-3")))
        .hasMessageContaining("'trail'");
    assertThatThrownBy(
            () ->
                desk.place(
                    Algorithm.TRAILING_STOP,
                    OrderSide.SELL,
                    100,
                    OrderType.LIMIT,
                    price("1450"),
                    null,
                    Map.of("trail", "10")))
        .hasMessageContaining("SL_M");
    assertThat(desk.store.orders()).isEmpty();
  }
}
