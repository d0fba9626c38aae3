package com.sharewise.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.trading.OrderSide;
import com.sharewise.api.trading.OrderStatus;
import com.sharewise.api.trading.OrderType;
import com.sharewise.api.trading.Product;
import com.sharewise.api.trading.Validity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemoryOrderStoreTest {

  private static final Instant T0 = Instant.parse("2025-01-06T04:00:00Z");

  private final MemoryOrderStore store = new MemoryOrderStore();

  @Test
  void findsTheOrderOfAClientOrderIdInItsAccountAsItStandsNow() {
    Order first = order("O1", 1, "c-1");
    Order otherAccount = order("O2", 2, "c-1");
    created(first);
    created(otherAccount);
    Order cancelled = new OrderEvent.Cancelled("O1", "by test", T0).applyTo(first);
    store.append(
        List.of(new JournalEntry(new OrderEvent.Cancelled("O1", "by test", T0), cancelled)));

    assertThat(store.findByClientOrderId(1, "c-1")).contains(cancelled);
    assertThat(store.findByClientOrderId(2, "c-1")).contains(otherAccount);
    assertThat(store.findByClientOrderId(1, "c-2")).isEmpty();
    assertThat(store.findByClientOrderId(3, "c-1")).isEmpty();
  }

  @Test
  void aClientOrderIdJournaledTwiceFindsTheFirstOrder() {
    created(order("O1", 1, "c-1"));
    created(order("O2", 1, "c-1"));

    assertThat(store.findByClientOrderId(1, "c-1")).map(Order::id).contains("O1");
    assertThat(store.orders()).extracting(Order::id).containsExactly("O1", "O2");
  }

  private void created(Order order) {
    store.append(List.of(new JournalEntry(new OrderEvent.Created(order), order)));
  }

  private static Order order(String id, long accountId, String clientOrderId) {
    return new Order(
        id,
        accountId,
        clientOrderId,
        "",
        "",
        InstrumentId.parse("NSE:INFY"),
        OrderSide.BUY,
        10,
        OrderType.MARKET,
        null,
        null,
        Product.CNC,
        Validity.DAY,
        Algorithm.DIRECT,
        Map.of(),
        OrderStatus.NEW,
        0,
        null,
        BigDecimal.ZERO,
        "",
        "",
        null,
        "test",
        T0,
        T0);
  }
}
