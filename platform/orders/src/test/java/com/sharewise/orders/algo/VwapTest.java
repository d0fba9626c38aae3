package com.sharewise.orders.algo;

import static com.sharewise.orders.algo.Desk.NIFTY_FUT;
import static com.sharewise.orders.algo.Desk.OPENING;
import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.trading.OrderSide;
import com.sharewise.api.trading.OrderStatus;
import com.sharewise.api.trading.OrderType;
import com.sharewise.orders.Algorithm;
import com.sharewise.orders.Order;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VwapTest {

  /** A profile that gives fixed weights and remembers what it was asked. */
  private static final class FixedProfile implements VolumeProfile {
    private final double[] weights;
    final List<String> asked = new ArrayList<>();

    FixedProfile(double... weights) {
      this.weights = weights;
    }

    @Override
    public double[] weights(
        InstrumentId instrument, LocalTime start, Duration window, int slices, int days) {
      asked.add(instrument + " " + start + " " + window + " " + slices + " " + days);
      return weights.clone();
    }
  }

  @Test
  void slicesFollowTheVolumeProfile() {
    FixedProfile profile = new FixedProfile(0.1, 0.2, 0.3, 0.4);
    Desk desk = new Desk(profile);

    Order parent =
        desk.place(
            Algorithm.VWAP,
            OrderSide.BUY,
            1000,
            OrderType.MARKET,
            null,
            null,
            Map.of("minutes", "20", "slices", "4", "days", "5"));
    desk.runFillingUntil(OPENING.plus(Duration.ofMinutes(30)));

    assertThat(profile.asked).containsExactly("NSE:INFY 09:30 PT20M 4 5");
    List<Order> slices = desk.children(parent.id());
    assertThat(slices).extracting(Order::quantity).containsExactly(100L, 200L, 300L, 400L);
    assertThat(slices)
        .extracting(Order::createdAt)
        .containsExactly(
            OPENING,
            OPENING.plus(Duration.ofMinutes(5)),
            OPENING.plus(Duration.ofMinutes(10)),
            OPENING.plus(Duration.ofMinutes(15)));
    assertThat(desk.order(parent.id()).status()).isEqualTo(OrderStatus.FILLED);
    assertThat(desk.order(parent.id()).filledQuantity()).isEqualTo(1000);
  }

  @Test
  void slicesAreRoundedToWholeLotsAndAddUp() {
    FixedProfile profile = new FixedProfile(0.15, 0.35, 0.5);
    Desk desk = new Desk(profile);

    Order parent =
        desk.place(
            NIFTY_FUT,
            Algorithm.VWAP,
            OrderSide.SELL,
            500,
            OrderType.MARKET,
            null,
            null,
            Map.of("minutes", "15", "slices", "3"));
    desk.runFillingUntil(OPENING.plus(Duration.ofMinutes(20)));

    assertThat(profile.asked).containsExactly("NFO:NIFTY25JANFUT 09:30 PT15M 3 10");
    assertThat(desk.children(parent.id()))
        .extracting(Order::quantity)
        .containsExactly(100L, 150L, 250L);
  }

  @Test
  void aSliceWithNoUsualVolumeIsSkipped() {
    Desk desk = new Desk(new FixedProfile(0.5, 0, 0.5));

    Order parent =
        desk.place(
            Algorithm.VWAP,
            OrderSide.BUY,
            100,
            OrderType.MARKET,
            null,
            null,
            Map.of("minutes", "15", "slices", "3"));
    desk.runFillingUntil(OPENING.plus(Duration.ofMinutes(20)));

    assertThat(desk.children(parent.id())).extracting(Order::quantity).containsExactly(50L, 50L);
    assertThat(desk.order(parent.id()).status()).isEqualTo(OrderStatus.FILLED);
  }

  @Test
  void unusableWeightsFallBackToEqualSlices() {
    Desk desk = new Desk(new FixedProfile(0, 0));

    Order parent =
        desk.place(
            Algorithm.VWAP,
            OrderSide.BUY,
            100,
            OrderType.MARKET,
            null,
            null,
            Map.of("minutes", "10", "slices", "2"));
    desk.runFillingUntil(OPENING.plus(Duration.ofMinutes(20)));

    assertThat(desk.children(parent.id())).extracting(Order::quantity).containsExactly(50L, 50L);
  }
}
