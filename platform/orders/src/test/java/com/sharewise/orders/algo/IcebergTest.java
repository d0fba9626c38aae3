package com.sharewise.orders.algo;

import static com.sharewise.orders.algo.Desk.NIFTY_FUT;
import static com.sharewise.orders.algo.Desk.price;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.sharewise.api.trading.OrderSide;
import com.sharewise.api.trading.OrderStatus;
import com.sharewise.api.trading.OrderType;
import com.sharewise.orders.Algorithm;
import com.sharewise.orders.Order;
import com.sharewise.orders.OrderException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IcebergTest {

  private final Desk desk = new Desk();

  private List<Order> working(Order parent) {
    return desk.children(parent.id()).stream().filter(c -> !c.status().isFinal()).toList();
  }

  /** Fills whatever leg is showing, in two parts, until none is; the quantities shown. */
  private List<Long> fillLegs(Order parent, double price) {
    List<Long> shown = new ArrayList<>();
    while (!working(parent).isEmpty()) {
      assertThat(working(parent)).hasSize(1);
      Order leg = working(parent).get(0);
      shown.add(leg.quantity());
      desk.broker.fill(leg.id(), leg.quantity() / 2, price);
      desk.settle();
      assertThat(working(parent)).containsExactly(desk.order(leg.id()));
      desk.broker.fill(leg.id(), leg.quantity() - leg.quantity() / 2, price + 1);
      desk.settle();
    }
    return shown;
  }

  @Test
  void showsOneLegAtATimeUntilTheWholeQuantityIsDone() {
    Order parent =
        desk.place(
            Algorithm.ICEBERG,
            OrderSide.BUY,
            1000,
            OrderType.LIMIT,
            price("1500"),
            null,
            Map.of("legs", "3"));

    Order first = working(parent).get(0);
    assertThat(first.type()).isEqualTo(OrderType.LIMIT);
    assertThat(first.limitPrice()).isEqualByComparingTo("1500");
    assertThat(first.side()).isEqualTo(OrderSide.BUY);

    assertThat(fillLegs(parent, 1500)).containsExactly(334L, 334L, 332L);

    Order shown = desk.order(parent.id());
    List<Order> legs = desk.children(parent.id());
    assertThat(legs).allMatch(l -> l.status() == OrderStatus.FILLED);
    assertThat(legs.stream().mapToLong(Order::quantity).sum()).isEqualTo(1000);
    assertThat(shown.status()).isEqualTo(OrderStatus.FILLED);
    assertThat(shown.filledQuantity()).isEqualTo(1000);
    // 167+167+166 at 1500 and 167+167+166 at 1501; averages are kept to four decimals
    assertThat(shown.averagePrice())
        .isCloseTo(new BigDecimal("1500.5"), within(new BigDecimal("0.001")));
  }

  @Test
  void legsAreWholeLots() {
    Order parent =
        desk.place(
            NIFTY_FUT,
            Algorithm.ICEBERG,
            OrderSide.SELL,
            500,
            OrderType.MARKET,
            null,
            null,
            Map.of("legs", "4"));

    List<Long> shown = new ArrayList<>();
    while (!working(parent).isEmpty()) {
      shown.add(working(parent).get(0).quantity());
      desk.broker.fillMarketOrders();
      desk.settle();
    }

    assertThat(shown).containsExactly(150L, 150L, 150L, 50L);
    assertThat(desk.order(parent.id()).status()).isEqualTo(OrderStatus.FILLED);
  }

  @Test
  void aLegQuantityShowsThatMuchAtATime() {
    Order parent =
        desk.place(
            Algorithm.ICEBERG,
            OrderSide.BUY,
            250,
            OrderType.LIMIT,
            price("1500"),
            null,
            Map.of("legQuantity", "100"));

    assertThat(fillLegs(parent, 1500)).containsExactly(100L, 100L, 50L);
  }

  @Test
  void aRejectedLegEndsTheIcebergWithWhatFilled() {
    AtomicInteger evaluations = new AtomicInteger();
    desk.risk.rejectWhen(intent -> evaluations.incrementAndGet() == 3); // parent, leg 1, leg 2
    Order parent =
        desk.place(
            Algorithm.ICEBERG,
            OrderSide.BUY,
            1000,
            OrderType.LIMIT,
            price("1500"),
            null,
            Map.of("legs", "3"));

    Order leg = working(parent).get(0);
    desk.broker.fill(leg.id(), leg.quantity(), 1500);
    desk.settle();

    Order shown = desk.order(parent.id());
    assertThat(shown.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(shown.filledQuantity()).isEqualTo(334);
    assertThat(shown.message()).contains("leg 2").contains("order value above the test limit");
    assertThat(working(parent)).isEmpty();
  }

  @Test
  void cancellingTheParentCancelsTheShowingLegAndPlacesNoMore() {
    Order parent =
        desk.place(
            Algorithm.ICEBERG,
            OrderSide.BUY,
            1000,
            OrderType.LIMIT,
            price("1500"),
            null,
            Map.of("legs", "3"));

    desk.service.cancel(parent.id(), "asha", null);
    desk.settle();

    assertThat(desk.children(parent.id()))
        .singleElement()
        .extracting(Order::status)
        .isEqualTo(OrderStatus.CANCELLED);
    assertThat(desk.order(parent.id()).status()).isEqualTo(OrderStatus.CANCELLED);
  }

  @Test
  void parametersAreNamedWhenWrong() {
    assertThatThrownBy(() -> futures(Map.of("legQuantity", "120")))
        .isInstanceOf(OrderException.class)
        .hasMessageContaining("'legQuantity'")
        .hasMessageContaining("lot size 50");
    assertThatThrownBy(() -> futures(Map.of("legs", "11")))
        .hasMessageContaining("'legs'")
        .hasMessageContaining("from 1 to 10");
    assertThatThrownBy(() -> futures(Map.of("legs", "2", "legQuantity", "100")))
        .hasMessageContaining("'legs'")
        .hasMessageContaining("'legQuantity'");
    assertThatThrownBy(() -> futures(Map.of()))
        .hasMessageContaining("'legs'")
        .hasMessageContaining("'legQuantity'");
    assertThat(desk.store.orders()).isEmpty();
  }

  private Order futures(Map<String, String> parameters) {
    return desk.place(
        NIFTY_FUT, Algorithm.ICEBERG, OrderSide.BUY, 500, OrderType.MARKET, null, null, parameters);
  }
}
