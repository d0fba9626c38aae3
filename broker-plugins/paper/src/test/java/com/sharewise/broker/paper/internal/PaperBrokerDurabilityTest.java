package com.sharewise.broker.paper.internal;

import static com.sharewise.api.trading.OrderSide.BUY;
import static com.sharewise.api.trading.OrderSide.SELL;
import static com.sharewise.broker.paper.internal.Orders.limit;
import static com.sharewise.broker.paper.internal.Orders.market;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sharewise.api.broker.BrokerAdapter;
import com.sharewise.api.broker.BrokerException;
import com.sharewise.api.broker.BrokerException.Reason;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.trading.Fill;
import com.sharewise.api.trading.OrderStatus;
import com.sharewise.api.trading.OrderUpdate;
import com.sharewise.api.trading.Position;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The order book survives the adapter: what one adapter recorded, the next one on the directory
 * knows.
 */
class PaperBrokerDurabilityTest {

  @TempDir Path state;

  @Test
  void rebuildsTheBookFromTheStateDirectory() throws Exception {
    List<OrderUpdate> orders;
    List<Fill> fills;
    List<Position> positions;
    try (BrokerAdapter first = open()) {
      first.placeOrder(market("c-1", BUY, 10));
      first.placeOrder(limit("c-2", SELL, 4, "1600.00"));
      assertThatThrownBy(
          () -> first.placeOrder(market("c-3", BUY, 1, InstrumentId.parse("NSE:XYZ"))));
      first.placeOrder(market("c-4", SELL, 3));
      orders = first.orderBook();
      fills = first.tradeBook();
      positions = first.positions();
    }

    TestBrokerContext context = context();
    try (BrokerAdapter second = new PaperBrokerFactory().create(context)) {
      assertThat(second.orderBook()).isEqualTo(orders);
      assertThat(second.tradeBook()).isEqualTo(fills);
      assertThat(second.positions()).isEqualTo(positions);

      assertThat(second.placeOrder(market("c-1", BUY, 10))).isEqualTo(orders.get(0));
      assertThat(second.cancelOrder("c-2", "PAPER-2").status()).isEqualTo(OrderStatus.CANCELLED);
      assertThat(second.placeOrder(market("c-5", BUY, 1)).brokerOrderId()).isEqualTo("PAPER-5");
      assertThat(context.callback.fills).extracting(Fill::clientOrderId).containsExactly("c-5");
    }
  }

  @Test
  void keepsTheBookAsPlainTextLines() throws Exception {
    try (BrokerAdapter broker = open()) {
      broker.placeOrder(market("c-1", BUY, 10));
    }

    assertThat(Files.readAllLines(journal()))
        .containsExactly(
            "# ShareWise paper broker order journal, format 1",
            "PLACED\tPAPER-1\t2025-01-06T04:00:00Z\tc-1\tpaper-1\tNSE:INFY\tBUY\t10\tMARKET\t-\t-"
                + "\tCNC\tDAY",
            "FILLED\tPAPER-1\t2025-01-06T04:00:00Z\tPAPER-1-1\t10\t1523.55");
  }

  @Test
  void keepsClientOrderIdsWithAnyCharacters() throws Exception {
    String awkward = "tag\twith tab,\nnewline % and ₹";
    try (BrokerAdapter broker = open()) {
      broker.placeOrder(market(awkward, BUY, 1));
    }

    try (BrokerAdapter broker = open()) {
      assertThat(broker.orderBook())
          .extracting(OrderUpdate::clientOrderId)
          .containsExactly(awkward);
      assertThat(broker.placeOrder(market(awkward, BUY, 1)).brokerOrderId()).isEqualTo("PAPER-1");
    }
  }

  @Test
  void dropsALastLineTornByACrashAndCarriesOn() throws Exception {
    try (BrokerAdapter broker = open()) {
      broker.placeOrder(limit("c-1", BUY, 10, "1500.00"));
    }
    Files.writeString(journal(), "FILLED\tPAPER-1\t2025-01-06T04:0", StandardOpenOption.APPEND);

    try (BrokerAdapter broker = open()) {
      assertThat(broker.orderBook())
          .extracting(OrderUpdate::status)
          .containsExactly(OrderStatus.OPEN);
      broker.placeOrder(market("c-2", BUY, 1));
    }
    try (BrokerAdapter broker = open()) {
      assertThat(broker.orderBook())
          .extracting(OrderUpdate::clientOrderId)
          .containsExactly("c-1", "c-2");
    }
  }

  @Test
  void refusesAJournalWithAnUnreadableLine() throws Exception {
    try (BrokerAdapter broker = open()) {
      broker.placeOrder(market("c-1", BUY, 10));
    }
    List<String> lines = Files.readAllLines(journal());
    Files.write(journal(), List.of(lines.get(0), lines.get(1), "FILLED\tPAPER-1\tyesterday"));

    assertThatThrownBy(this::open)
        .isInstanceOfSatisfying(
            BrokerException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE))
        .hasMessageContaining("orders.journal line 3");
  }

  @Test
  void refusesASecondAdapterOnABookThatIsStillOpen() throws Exception {
    try (BrokerAdapter first = open()) {
      assertThatThrownBy(this::open)
          .isInstanceOfSatisfying(
              BrokerException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE))
          .hasMessageContaining("in use by another paper broker adapter");
      assertThat(first.orderBook()).isEmpty();
    }
    try (BrokerAdapter again = open()) {
      assertThat(again.orderBook()).isEmpty();
    }
  }

  private BrokerAdapter open() throws BrokerException {
    return new PaperBrokerFactory().create(context());
  }

  private TestBrokerContext context() {
    TestBrokerContext context = new TestBrokerContext(state);
    context.quotes.quote("NSE:INFY", 1523.40, 1523.55, 1523.50);
    return context;
  }

  private Path journal() {
    return state.resolve(OrderJournal.FILE_NAME);
  }
}
