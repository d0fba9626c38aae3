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
import java.time.LocalDate;

/**
 * Something that happened in the paper account; the order book is these events replayed in order.
 *
 * <p>Each event is one line of tab-separated fields in the journal, starting with its kind, so the
 * file stays readable with {@code less}. Free text (client order id, account, reason) is
 * URL-encoded so it can hold no tab or newline; every other field cannot contain one by
 * construction.
 *
 * <p>Format 2 of the journal added MODIFIED, TRIGGERED and REFERENCE lines and the charges field of
 * FILLED; lines of format 1 read as before (a FILLED line without charges had none).
 */
sealed interface OrderEvent {

  Instant time();

  /** An event of one order (every kind but {@link ReferencePrice}). */
  sealed interface OfOrder extends OrderEvent {
    String brokerOrderId();
  }

  /** The broker accepted the order into its book (a rejection follows at once if it refuses). */
  record Placed(String brokerOrderId, Instant time, OrderRequest request) implements OfOrder {}

  /** An execution against the order, with what it cost beyond its price. */
  record Filled(
      String brokerOrderId,
      Instant time,
      String fillId,
      long quantity,
      BigDecimal price,
      BigDecimal charges)
      implements OfOrder {}

  /** The order's terms changed: the new total quantity, type, limit and trigger. */
  record Modified(
      String brokerOrderId,
      Instant time,
      long quantity,
      OrderType type,
      BigDecimal limitPrice,
      BigDecimal triggerPrice)
      implements OfOrder {}

  /** A stop-loss order's trigger price traded: it now works as a LIMIT (SL) or MARKET (SL-M). */
  record Triggered(String brokerOrderId, Instant time) implements OfOrder {}

  /** The order was cancelled (by request, or what an IOC order could not fill at once). */
  record Cancelled(String brokerOrderId, Instant time, String reason) implements OfOrder {}

  /** The broker refused the order. */
  record Rejected(String brokerOrderId, Instant time, String reason) implements OfOrder {}

  /**
   * The circuit band's reference price of {@code instrument} for {@code day} (IST): the first quote
   * seen that day. Journaled so the band stays put across restarts.
   */
  record ReferencePrice(Instant time, InstrumentId instrument, LocalDate day, BigDecimal price)
      implements OrderEvent {}

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
              f.price().toPlainString(),
              f.charges().toPlainString());
      case Modified m ->
          String.join(
              "\t",
              "MODIFIED",
              m.brokerOrderId(),
              m.time().toString(),
              Long.toString(m.quantity()),
              m.type().name(),
              price(m.limitPrice()),
              price(m.triggerPrice()));
      case Triggered t -> String.join("\t", "TRIGGERED", t.brokerOrderId(), t.time().toString());
      case Cancelled c ->
          String.join(
              "\t", "CANCELLED", c.brokerOrderId(), c.time().toString(), encode(c.reason()));
      case Rejected r ->
          String.join("\t", "REJECTED", r.brokerOrderId(), r.time().toString(), encode(r.reason()));
      case ReferencePrice r ->
          String.join(
              "\t",
              "REFERENCE",
              r.time().toString(),
              r.instrument().toString(),
              r.day().toString(),
              r.price().toPlainString());
    };
  }

  /**
   * Reads a line written by {@link #format}, in this format or format 1.
   *
   * @throws IllegalArgumentException saying what is wrong with the line
   */
  static OrderEvent parse(String line) {
    String[] f = line.split("\t", -1);
    String kind = f[0];
    boolean fits =
        switch (kind) {
          case "PLACED" -> f.length == 13;
          case "FILLED" -> f.length == 6 || f.length == 7; // format 1 had no charges
          case "MODIFIED" -> f.length == 7;
          case "TRIGGERED" -> f.length == 3;
          case "CANCELLED", "REJECTED" -> f.length == 4;
          case "REFERENCE" -> f.length == 5;
          default -> throw new IllegalArgumentException("unknown event '" + kind + "'");
        };
    if (!fits) {
      throw new IllegalArgumentException(kind + " has " + f.length + " fields");
    }
    if (kind.equals("REFERENCE")) {
      return new ReferencePrice(
          Instant.parse(f[1]),
          InstrumentId.parse(f[2]),
          LocalDate.parse(f[3]),
          new BigDecimal(f[4]));
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
      case "FILLED" ->
          new Filled(
              f[1],
              time,
              f[3],
              Long.parseLong(f[4]),
              new BigDecimal(f[5]),
              f.length == 7 ? new BigDecimal(f[6]) : BigDecimal.ZERO);
      case "MODIFIED" ->
          new Modified(
              f[1], time, Long.parseLong(f[3]), OrderType.valueOf(f[4]), price(f[5]), price(f[6]));
      case "TRIGGERED" -> new Triggered(f[1], time);
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
