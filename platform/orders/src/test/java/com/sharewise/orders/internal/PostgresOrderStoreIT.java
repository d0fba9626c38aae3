package com.sharewise.orders.internal;

import static com.sharewise.orders.testkit.PaperDesk.INFY;
import static com.sharewise.orders.testkit.PaperDesk.order;
import static com.sharewise.store.jooq.Tables.ACCOUNT;
import static com.sharewise.store.jooq.Tables.APP_USER;
import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.api.trading.OrderSide;
import com.sharewise.api.trading.OrderStatus;
import com.sharewise.api.trading.OrderType;
import com.sharewise.api.trading.Product;
import com.sharewise.orders.Order;
import com.sharewise.orders.OrderEvent;
import com.sharewise.orders.OrderQuery;
import com.sharewise.orders.testkit.PaperDesk;
import com.sharewise.store.Store;
import com.sharewise.store.StoreConfig;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal in a real PostgreSQL: what the order path writes is what a restart reads back. */
class PostgresOrderStoreIT {

  @TempDir static Path data;
  private static Store store;

  @BeforeAll
  static void start() {
    store = Store.open(StoreConfig.embedded(data.resolve("pg")));
    var now = Instant.parse("2025-01-06T04:00:00Z").atOffset(ZoneOffset.UTC);
    for (long id : List.of(PaperDesk.ACCOUNT, PaperDesk.OTHER_ACCOUNT)) {
      store
          .dsl()
          .insertInto(APP_USER)
          .set(APP_USER.ID, id)
          .set(APP_USER.USERNAME, "user" + id)
          .set(APP_USER.PASSWORD_HASH, "not a hash: nobody logs in here")
          .set(APP_USER.CREATED_AT, now)
          .set(APP_USER.UPDATED_AT, now)
          .execute();
      store
          .dsl()
          .insertInto(ACCOUNT)
          .set(ACCOUNT.ID, id)
          .set(ACCOUNT.OWNER_ID, id)
          .set(ACCOUNT.BROKER_PLUGIN_ID, "paper")
          .set(ACCOUNT.NAME, "Paper")
          .set(ACCOUNT.CREATED_AT, now)
          .set(ACCOUNT.UPDATED_AT, now)
          .execute();
    }
  }

  @AfterAll
  static void stop() {
    store.close();
  }

  @Test
  void ordersFromManyThreadsAreAllDurableAndReplayToTheSameState() throws Exception {
    Clock clock = Clock.fixed(PaperDesk.OPENING, ZoneOffset.UTC);
    List<Order> placed = new ArrayList<>();
    try (PostgresOrderStore journal = new PostgresOrderStore(store.dsl(), clock);
        PaperDesk desk = new PaperDesk(data.resolve("paper"), journal, a -> a)) {
      desk.quotes.quote(INFY, 1500.00, 1500.10, 1_000_000);
      ExecutorService threads = Executors.newFixedThreadPool(8);
      List<Future<Order>> futures = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        String key = "k" + i;
        OrderType type = i % 4 == 0 ? OrderType.LIMIT : OrderType.MARKET;
        BigDecimal limit = type == OrderType.LIMIT ? new BigDecimal("1400.00") : null;
        futures.add(
            threads.submit(
                () -> desk.service.place(order(key, INFY, OrderSide.BUY, 1, type, limit))));
      }
      for (Future<Order> f : futures) {
        placed.add(f.get());
      }
      threads.shutdown();
    }

    try (PostgresOrderStore journal = new PostgresOrderStore(store.dsl(), clock);
        PaperDesk restarted = new PaperDesk(data.resolve("paper"), journal, a -> a)) {
      List<Order> working = restarted.service.recover();

      assertThat(working).hasSize(16).allMatch(o -> o.status() == OrderStatus.OPEN);
      for (Order before : placed) {
        Order after = restarted.service.find(before.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(before.status());
        assertThat(after.filledQuantity()).isEqualTo(before.filledQuantity());
      }
      assertThat(restarted.portfolio.positions(PaperDesk.ACCOUNT).getFirst().quantity())
          .isEqualTo(48);
      assertThat(journal.fills(Set.of(PaperDesk.ACCOUNT), 1000))
          .hasSize(48)
          .allSatisfy(
              fill -> {
                assertThat(fill.fill().price()).isEqualByComparingTo("1500.10");
                assertThat(fill.fill().charges()).isPositive();
                assertThat(fill.fill().time()).isEqualTo(PaperDesk.OPENING);
                assertThat(fill.product()).isEqualTo(Product.CNC);
              });
      assertThat(
              journal.query(
                  new OrderQuery(
                      Set.of(PaperDesk.ACCOUNT),
                      Set.of(OrderStatus.OPEN),
                      INFY,
                      null,
                      null,
                      null,
                      null,
                      100)))
          .hasSize(16);
      assertThat(journal.findByClientOrderId(PaperDesk.ACCOUNT, "k5")).isPresent();
      Order one = placed.get(1);
      assertThat(journal.history(one.id()))
          .extracting(e -> e.getClass().getSimpleName())
          .startsWith("Created", "Submitting");
      assertThat(journal.history(one.id()).getFirst()).isInstanceOf(OrderEvent.Created.class);
    }
  }
}
