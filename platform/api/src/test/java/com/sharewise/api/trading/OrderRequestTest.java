package com.sharewise.api.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sharewise.api.market.InstrumentId;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class OrderRequestTest {

  private static final AccountRef ACCOUNT = new AccountRef("acc-1");
  private static final InstrumentId INFY = InstrumentId.parse("NSE:INFY");

  private static OrderRequest order(
      OrderType type, BigDecimal limit, BigDecimal trigger, long qty) {
    return new OrderRequest(
        "c-1", ACCOUNT, INFY, OrderSide.BUY, qty, type, limit, trigger, Product.CNC, Validity.DAY);
  }

  @Test
  void eachTypeCarriesExactlyThePricesItNeeds() {
    assertThat(order(OrderType.MARKET, null, null, 10).type()).isEqualTo(OrderType.MARKET);
    assertThat(order(OrderType.LIMIT, new BigDecimal("1500.05"), null, 10).limitPrice())
        .isEqualByComparingTo("1500.05");
    assertThat(
            order(OrderType.SL, new BigDecimal("1490"), new BigDecimal("1495"), 10).triggerPrice())
        .isEqualByComparingTo("1495");
    assertThat(order(OrderType.SL_M, null, new BigDecimal("1495"), 10).limitPrice()).isNull();
  }

  @Test
  void missingOrSuperfluousPricesAreRefusedNamingTheOrder() {
    assertThatThrownBy(() -> order(OrderType.LIMIT, null, null, 10))
        .hasMessage("c-1: LIMIT needs limit price");
    assertThatThrownBy(() -> order(OrderType.MARKET, BigDecimal.ONE, null, 10))
        .hasMessage("c-1: MARKET takes no limit price");
    assertThatThrownBy(() -> order(OrderType.SL_M, null, null, 10))
        .hasMessage("c-1: SL_M needs trigger price");
  }

  @Test
  void quantityMustBePositive() {
    assertThatThrownBy(() -> order(OrderType.MARKET, null, null, 0))
        .hasMessage("c-1: quantity must be positive");
  }

  @Test
  void finalStatesAreFinal() {
    assertThat(OrderStatus.FILLED.isFinal()).isTrue();
    assertThat(OrderStatus.UNKNOWN.isFinal()).isFalse();
    assertThat(OrderSide.SELL.sign()).isEqualTo(-1);
  }
}
