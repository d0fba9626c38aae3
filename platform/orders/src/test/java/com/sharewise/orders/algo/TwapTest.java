package com.sharewise.orders.algo;

import static com.sharewise.orders.algo.Desk.INFY;
import static com.sharewise.orders.algo.Desk.OPENING;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TwapTest {

  private final Desk desk = new Desk();

  private Order direct(Map<String, String> p) {
    return desk.place(Algorithm.DIRECT, OrderSide.BUY, 100, OrderType.MARKET, null, null, p);
  }

  private Order twap(long quantity, OrderType type, BigDecimal limit, Map<String, String> p) {
    return desk.place(Algorithm.TWAP, OrderSide.BUY, quantity, type, limit, null, p);
  }

  private static Instant at(String minutes) {
    return OPENING.plus(Duration.ofSeconds((long) (Double.parseDouble(minutes) * 60)));
  }

  @Test
  void equalSlicesAtEqualIntervalsFromTheStart() {
    Order parent = twap(100, OrderType.MARKET, null, Map.of("minutes", "30", "slices", "4"));

    for (int slice = 0; slice < 4; slice++) {
      desk.runUntil(at(Double.toString(slice * 7.5)));
      desk.quotes.last(INFY, 1500 + slice);
      desk.fillMarket();
    }
    desk.runUntil(at("60"));

    List<Order> slices = desk.children(parent.id());
    assertThat(slices)
        .extracting(Order::createdAt)
        .containsExactly(at("0"), at("7.5"), at("15"), at("22.5"));
    assertThat(slices).extracting(Order::quantity).containsExactly(25L, 25L, 25L, 25L);
    assertThat(slices).allMatch(s -> s.type() == OrderType.MARKET && s.side() == OrderSide.BUY);
    Order shown = desk.order(parent.id());
    assertThat(shown.status()).isEqualTo(OrderStatus.FILLED);
    assertThat(shown.filledQuantity()).isEqualTo(100);
    assertThat(shown.averagePrice()).isEqualByComparingTo("1501.5");
  }

  @Test
  void theParentShowsItsChildrensFills() {
    Order parent = twap(90, OrderType.MARKET, null, Map.of("minutes", "10", "slices", "3"));

    desk.runUntil(at("0"));
    desk.fillMarket();
    desk.runUntil(at("3.34"));
    desk.quotes.last(INFY, 1510);
    desk.fillMarket();

    List<Order> slices = desk.children(parent.id());
    long filled = slices.stream().mapToLong(Order::filledQuantity).sum();
    BigDecimal value =
        slices.stream()
            .filter(s -> s.filledQuantity() > 0)
            .map(s -> s.averagePrice().multiply(BigDecimal.valueOf(s.filledQuantity())))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    Order shown = desk.order(parent.id());
    assertThat(shown.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
    assertThat(shown.filledQuantity()).isEqualTo(filled).isEqualTo(60);
    assertThat(shown.averagePrice()).isEqualByComparingTo(value.divide(BigDecimal.valueOf(60)));
  }

  @Test
  void slicesAreWholeLotsWithTheRemainderLast() {
    Order parent = twap(10, OrderType.MARKET, null, Map.of("minutes", "8", "slices", "4"));

    desk.runFillingUntil(at("10"));

    assertThat(desk.children(parent.id()))
        .extracting(Order::quantity)
        .containsExactly(2L, 2L, 2L, 4L);
    assertThat(desk.order(parent.id()).status()).isEqualTo(OrderStatus.FILLED);
  }

  @Test
  void defaultsToTenSlicesOverThirtyMinutes() {
    Order parent = twap(100, OrderType.MARKET, null, Map.of());

    desk.runFillingUntil(at("40"));

    List<Order> slices = desk.children(parent.id());
    assertThat(slices).hasSize(10);
    assertThat(slices.get(9).createdAt()).isEqualTo(at("27"));
  }

  @Test
  void aRejectedSliceIsCarriedToTheNext() {
    AtomicInteger evaluations = new AtomicInteger();
    desk.risk.rejectWhen(intent -> evaluations.incrementAndGet() == 3); // parent, slice 0, slice 1
    Order parent = twap(100, OrderType.MARKET, null, Map.of("minutes", "30", "slices", "4"));

    desk.runFillingUntil(at("40"));

    List<Order> slices = desk.children(parent.id());
    assertThat(slices).extracting(Order::quantity).containsExactly(25L, 25L, 50L, 25L);
    assertThat(slices)
        .extracting(Order::status)
        .containsExactly(
            OrderStatus.FILLED, OrderStatus.REJECTED, OrderStatus.FILLED, OrderStatus.FILLED);
    assertThat(desk.order(parent.id()).status()).isEqualTo(OrderStatus.FILLED);
    assertThat(desk.order(parent.id()).filledQuantity()).isEqualTo(100);
  }

  @Test
  void whatTheLastSliceCannotPlaceIsLeftAndSaid() {
    AtomicInteger evaluations = new AtomicInteger();
    desk.risk.rejectWhen(intent -> evaluations.incrementAndGet() == 3); // the last slice
    Order parent = twap(100, OrderType.MARKET, null, Map.of("minutes", "10", "slices", "2"));

    desk.runFillingUntil(at("20"));

    Order shown = desk.order(parent.id());
    assertThat(shown.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(shown.filledQuantity()).isEqualTo(50);
    assertThat(shown.message()).contains("filled 50 of 100").contains("test limit");
  }

  @Test
  void cancellingStopsTheScheduleAndCancelsOpenSlices() {
    Order parent =
        twap(100, OrderType.LIMIT, price("1490"), Map.of("minutes", "30", "slices", "4"));
    desk.runUntil(at("10"));
    assertThat(desk.children(parent.id())).hasSize(2);

    desk.service.cancel(parent.id(), "asha", null);
    desk.runUntil(at("60"));

    assertThat(desk.children(parent.id()))
        .hasSize(2)
        .allMatch(s -> s.status() == OrderStatus.CANCELLED);
    assertThat(desk.order(parent.id()).status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(desk.scheduler.nextDue()).isEmpty();
  }

  @Test
  void parametersAreNamedWhenWrong() {
    assertThatThrownBy(() -> twap(100, OrderType.MARKET, null, Map.of("minutes", "0")))
        .isInstanceOf(OrderException.class)
        .hasMessageContaining("'minutes'");
    assertThatThrownBy(() -> twap(100, OrderType.MARKET, null, Map.of("slices", "ten")))
        .hasMessageContaining("'slices'");
    assertThatThrownBy(() -> twap(100, OrderType.MARKET, null, Map.of("window", "30")))
        .hasMessageContaining("'window'")
        .hasMessageContaining("minutes");
    assertThatThrownBy(() -> twap(100, OrderType.MARKET, null, Map.of("days", "5")))
        .hasMessageContaining("'days'");
    assertThatThrownBy(
            () ->
                desk.place(
                    Algorithm.TWAP,
                    OrderSide.BUY,
                    100,
                    OrderType.SL_M,
                    null,
                    price("1490"),
                    Map.of()))
        .hasMessageContaining("SL_M");
    assertThat(desk.store.orders()).isEmpty();
  }

  @Test
  void aDirectOrderTakesOnlyParametersSomeAlgorithmKnows() {
    // a workflow rule may work it by an algorithm, which reads these; anything else is refused
    assertThatThrownBy(() -> direct(Map.of("slices", "4", "junk", "x")))
        .isInstanceOf(OrderException.class)
        .hasMessageContaining("'junk' is not a parameter of any execution algorithm")
        .hasMessageContaining("slices");
    assertThat(desk.store.orders()).isEmpty();
    Order direct = direct(Map.of("slices", "4"));
    assertThat(direct.algorithmParameters()).containsEntry("slices", "4");
  }
}
