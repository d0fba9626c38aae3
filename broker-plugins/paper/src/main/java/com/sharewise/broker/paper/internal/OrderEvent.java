package com.sharewise.broker.paper.internal;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.trading.AccountRef;
import com.sharewise.api.trading.OrderRequest;
import com.sharewise.api.trading.OrderSide;
import com.sharewise.api.trading.OrderType;
import com.sharewise.api.trading.Product;
import com.sharewise.api.trading.Validity;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Something that happened to a paper order; the order book is these events replayed in order.
 *
 * <p>Each event is one line of tab-separated fields in the journal, starting with its kind, so the
 * file stays readable with {@code less}. Free text (client order id, account, reason) is
 * URL-encoded so it can hold no tab or newline; every other field cannot contain one by
 * construction.
 */
sealed interface OrderEvent {

  String brokerOrderId();

  Instant time();

  /** The broker accepted the order into its book (a rejection follows at once if it refuses). */
  record Placed(String brokerOrderId, Instant time, OrderRequest request) implements OrderEvent {}

  /** An execution against the order. */
  record Filled(String brokerOrderId, Instant time, String fillId, long quantity, BigDecimal price)
      implements OrderEvent {}

  /** The order was cancelled (by request, or an IOC order that could not fill). */
  record Cancelled(String brokerOrderId, Instant time, String reason) implements OrderEvent {}

  /** The broker refused the order. */
  record Rejected(String brokerOrderId, Instant time, String reason) implements OrderEvent {}

  /** The journal line for {@code event}, without the newline. */
  static String format(OrderEvent event) {
    return switch (event) {
      case Placed p -> {
        OrderRequest r = p.request();
        yield String.join(
            "\t",
            "PLACED",
            p.brokerOrderId(),
            p.time().toString(),
            encode(r.clientOrderId()),
            encode(r.account().id()),
            r.instrument().toString(),
            r.side().name(),
            Long.toString(r.quantity()),
            r.type().name(),
            price(r.limitPrice()),
            price(r.triggerPrice()),
            r.product().name(),
            r.validity().name());
      }
      case Filled f ->
          String.join(
              "\t",
              "FILLED",
              f.brokerOrderId(),
              f.time().toString(),
              f.fillId(),
              Long.toString(f.quantity()),
              f.price().toPlainString());
      case Cancelled c ->
          String.join(
              "\t", "CANCELLED", c.brokerOrderId(), c.time().toString(), encode(c.reason()));
      case Rejected r ->
          String.join("\t", "REJECTED", r.brokerOrderId(), r.time().toString(), encode(r.reason()));
    };
  }

  /**
   * Reads a line written by {@link #format}.
   *
   * @throws IllegalArgumentException saying what is wrong with the line
   */
  static OrderEvent parse(String line) {
    String[] f = line.split("\t", -1);
    String kind = f[0];
    int expected =
        switch (kind) {
          case "PLACED" -> 13;
          case "FILLED" -> 6;
          case "CANCELLED", "REJECTED" -> 4;
          default -> throw new IllegalArgumentException("unknown event '" + kind + "'");
        };
    if (f.length != expected) {
      throw new IllegalArgumentException(
          kind + " has " + f.length + " fields, expected " + expected);
    }
    Instant time = Instant.parse(f[2]);
    return switch (kind) {
      case "PLACED" ->
          new Placed(
              f[1],
              time,
              new OrderRequest(
                  decode(f[3]),
                  new AccountRef(decode(f[4])),
                  InstrumentId.parse(f[5]),
                  OrderSide.valueOf(f[6]),
                  Long.parseLong(f[7]),
                  OrderType.valueOf(f[8]),
                  price(f[9]),
                  price(f[10]),
                  Product.valueOf(f[11]),
                  Validity.valueOf(f[12])));
      case "FILLED" -> new Filled(f[1], time, f[3], Long.parseLong(f[4]), new BigDecimal(f[5]));
      case "CANCELLED" -> new Cancelled(f[1], time, decode(f[3]));
      default -> new Rejected(f[1], time, decode(f[3]));
    };
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  private static String price(BigDecimal price) {
    return price == null ? "-" : price.toPlainString();
  }

  private static BigDecimal price(String text) {
    return text.equals("-") ? null : new BigDecimal(text);
  }
}
