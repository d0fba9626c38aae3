package com.sharewise.broker.paper.internal;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.trading.AccountRef;
import com.sharewise.api.trading.Fill;
import com.sharewise.api.trading.OrderRequest;
import com.sharewise.api.trading.OrderStatus;
import com.sharewise.api.trading.OrderUpdate;
import com.sharewise.api.trading.Position;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The paper account's orders, fills, positions and circuit reference prices in memory. It changes
 * only by {@link #apply}ing {@link OrderEvent}s, live and when the journal is replayed, so the two
 * can never disagree. Mutable; guarded by the adapter's lock.
 */
final class OrderBook {

  /** The circuit band's reference price of an instrument and the IST day it is for. */
  record Reference(LocalDate day, BigDecimal price) {}

  private final Map<String, PaperOrder> byBrokerOrderId = new LinkedHashMap<>();
  private final Map<String, PaperOrder> byClientOrderId = new HashMap<>();
  private final Map<String, Fill> fills = new LinkedHashMap<>();
  // the unfinished orders, so the tick path never walks the whole day's book
  private final Map<String, PaperOrder> working = new LinkedHashMap<>();
  // how often an order joined or left the working ones: unchanged means the same working orders
  private long workingChanges;
  private final Map<InstrumentId, Reference> references = new HashMap<>();
  private final PositionBook positions = new PositionBook();

  /**
   * Applies one event.
   *
   * @throws IllegalStateException when the event does not fit the book (an unknown or duplicate
   *     order, a fill of a finished order); the journal reports it with the line number
   */
  void apply(OrderEvent event) {
    switch (event) {
      case OrderEvent.Placed placed -> {
        OrderRequest request = placed.request();
        if (byBrokerOrderId.containsKey(placed.brokerOrderId())
            || byClientOrderId.containsKey(request.clientOrderId())) {
          throw new IllegalStateException(
              "order "
                  + placed.brokerOrderId()
                  + " / "
                  + request.clientOrderId()
                  + " placed twice");
        }
        PaperOrder order = new PaperOrder(placed.brokerOrderId(), request, placed.time());
        byBrokerOrderId.put(order.brokerOrderId(), order);
        byClientOrderId.put(request.clientOrderId(), order);
        working.put(order.brokerOrderId(), order);
        workingChanges++;
      }
      case OrderEvent.Filled filled -> {
        PaperOrder order = order(filled.brokerOrderId());
        order.filled(filled.quantity(), filled.price(), filled.time());
        OrderRequest request = order.request();
        Fill fill =
            new Fill(
                filled.fillId(),
                request.clientOrderId(),
                order.brokerOrderId(),
                request.instrument(),
                request.side(),
                filled.quantity(),
                filled.price(),
                filled.time(),
                filled.charges());
        if (fills.putIfAbsent(fill.fillId(), fill) != null) {
          throw new IllegalStateException("fill " + fill.fillId() + " recorded twice");
        }
        positions.apply(
            request.instrument(), request.product(), request.side(), fill.quantity(), fill.price());
      }
      case OrderEvent.Modified modified -> {
        PaperOrder order = order(modified.brokerOrderId());
        OrderRequest was = order.request();
        order.modified(
            new OrderRequest(
                was.clientOrderId(),
                was.account(),
                was.instrument(),
                was.side(),
                modified.quantity(),
                modified.type(),
                modified.limitPrice(),
                modified.triggerPrice(),
                was.product(),
                was.validity()),
            modified.time());
      }
      case OrderEvent.Triggered triggered ->
          order(triggered.brokerOrderId()).triggered(triggered.time());
      case OrderEvent.Cancelled cancelled ->
          order(cancelled.brokerOrderId())
              .ended(OrderStatus.CANCELLED, cancelled.reason(), cancelled.time());
      case OrderEvent.Rejected rejected ->
          order(rejected.brokerOrderId())
              .ended(OrderStatus.REJECTED, rejected.reason(), rejected.time());
      case OrderEvent.ReferencePrice reference -> {
        Reference known = references.get(reference.instrument());
        if (known == null || reference.day().isAfter(known.day())) {
          references.put(reference.instrument(), new Reference(reference.day(), reference.price()));
        }
      }
    }
    if (event instanceof OrderEvent.OfOrder ofOrder) {
      PaperOrder touched = working.get(ofOrder.brokerOrderId());
      if (touched != null && !touched.isWorking()) {
        working.remove(touched.brokerOrderId());
        workingChanges++;
      }
    }
  }

  /** Broker order ids count up from {@code PAPER-1} in placement order, rejections included. */
  String nextBrokerOrderId() {
    return "PAPER-" + (byBrokerOrderId.size() + 1);
  }

  PaperOrder order(String brokerOrderId) {
    PaperOrder order = byBrokerOrderId.get(brokerOrderId);
    if (order == null) {
      throw new IllegalStateException("no order " + brokerOrderId);
    }
    return order;
  }

  Optional<PaperOrder> withClientOrderId(String clientOrderId) {
    return Optional.ofNullable(byClientOrderId.get(clientOrderId));
  }

  /** The order with {@code brokerOrderId} if one is given, else the one with the client id. */
  Optional<PaperOrder> find(String clientOrderId, String brokerOrderId) {
    return brokerOrderId == null || brokerOrderId.isBlank()
        ? withClientOrderId(clientOrderId)
        : Optional.ofNullable(byBrokerOrderId.get(brokerOrderId));
  }

  /** Orders not yet filled, cancelled or rejected, in placement (time-priority) order. */
  List<PaperOrder> working() {
    return List.copyOf(working.values());
  }

  /** The working orders of {@code instrument}, in placement order. */
  List<PaperOrder> working(InstrumentId instrument) {
    List<PaperOrder> orders = new ArrayList<>(working.size());
    for (PaperOrder order : working.values()) {
      if (order.request().instrument().equals(instrument)) {
        orders.add(order);
      }
    }
    return orders;
  }

  /**
   * A count that grows whenever an order becomes or stops being working: while it stays the same,
   * so do the working orders.
   */
  long workingChanges() {
    return workingChanges;
  }

  /** Instruments with at least one working order. */
  Set<InstrumentId> workingInstruments() {
    Set<InstrumentId> instruments = new LinkedHashSet<>();
    working.values().forEach(order -> instruments.add(order.request().instrument()));
    return instruments;
  }

  /** The newest circuit reference recorded for {@code instrument}. */
  Optional<Reference> reference(InstrumentId instrument) {
    return Optional.ofNullable(references.get(instrument));
  }

  Fill fill(String fillId) {
    return fills.get(fillId);
  }

  List<OrderUpdate> orders() {
    return byBrokerOrderId.values().stream().map(PaperOrder::toUpdate).toList();
  }

  List<Fill> fills() {
    return List.copyOf(fills.values());
  }

  List<Position> positions(AccountRef account) {
    return positions.positions(account);
  }
}
