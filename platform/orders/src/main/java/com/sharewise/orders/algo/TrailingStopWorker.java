package com.sharewise.orders.algo;

import com.sharewise.api.market.QuoteSource;
import com.sharewise.api.market.Tick;
import com.sharewise.api.trading.OrderModification;
import com.sharewise.api.trading.OrderSide;
import com.sharewise.api.trading.OrderStatus;
import com.sharewise.api.trading.OrderType;
import com.sharewise.orders.Order;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * TRAILING_STOP: one SL-M child for the parent's side and quantity whose trigger follows the
 * market. For a SELL stop (protecting a long position) the trigger is {@code max(trigger, last −
 * distance)}, for a BUY stop {@code min(trigger, last + distance)}: it only ever moves in the
 * position's favour. It starts at the parent's trigger price, tightened at once if the market is
 * already further. The child is modified when the trigger moves by at least one tick, and only
 * while the broker holds it open (not while it is being placed or is triggering).
 *
 * <p>Quotes arrive through a {@link QuoteSource} subscription on the quote thread; only the newest
 * waiting quote is kept and handed to the engine's thread. The subscription is closed when the
 * worker retires: the stop filled (the parent is then FILLED), or it was cancelled or rejected (the
 * parent finishes the same way, with the reason), or the parent was cancelled.
 */
final class TrailingStopWorker extends Worker {

  static final String STOP = "stop";

  private final TrailSpec spec;
  private final BigDecimal tick;
  private final AtomicReference<Tick> waiting = new AtomicReference<>();
  private QuoteSource.Subscription subscription;

  TrailingStopWorker(WorkerContext ctx, Order parent, TrailSpec spec) {
    super(ctx, parent);
    this.spec = spec;
    this.tick = ctx.instrument(parent.instrument()).tickSize();
  }

  @Override
  void start() {
    subscribe();
    evaluate();
  }

  @Override
  void resume(List<Order> found) {
    subscribe();
    super.resume(found);
  }

  private void subscribe() {
    subscription =
        ctx.subscribe(
            parent.instrument(),
            quote -> {
              if (waiting.getAndSet(quote) == null) {
                ctx.execute(this::onQuote);
              }
            });
  }

  @Override
  void evaluate() {
    Order stop = children.get(STOP);
    if (stop == null) {
      BigDecimal first = parent.triggerPrice();
      BigDecimal trigger =
          ctx.quote(parent.instrument()).map(q -> tighter(first, q.lastPrice())).orElse(first);
      WorkerContext.Placement placement =
          place(
              STOP,
              WorkerContext.child(
                  parent,
                  STOP,
                  parent.side(),
                  parent.quantity(),
                  OrderType.SL_M,
                  null,
                  trigger,
                  parent.validity()));
      if (placement.child() == null) {
        complete(OrderStatus.REJECTED, "stop-loss refused: " + placement.refusal());
        return;
      }
      stop = placement.child();
    }
    if (stop.status().isFinal()) {
      complete(
          stop.status(),
          "stop-loss "
              + stop.status().name().toLowerCase(Locale.ROOT)
              + (stop.message().isEmpty() ? "" : ": " + stop.message())
              + " at trigger "
              + stop.triggerPrice().toPlainString());
    }
  }

  private void onQuote() {
    Tick quote = waiting.getAndSet(null);
    Order stop = children.get(STOP);
    if (quote == null || done() || stop == null || stop.status() != OrderStatus.OPEN) {
      return;
    }
    BigDecimal current = stop.triggerPrice();
    BigDecimal wanted = tighter(current, quote.lastPrice());
    if (wanted.subtract(current).abs().compareTo(tick) >= 0) {
      ctx.modify(stop, new OrderModification(null, null, null, wanted))
          .ifPresent(changed -> children.put(STOP, changed));
    }
  }

  /**
   * The trigger {@code last} asks for if it is more favourable than {@code current}, else current.
   */
  private BigDecimal tighter(BigDecimal current, double last) {
    BigDecimal candidate = spec.triggerFor(parent.side(), last, tick);
    if (candidate.signum() <= 0) {
      return current;
    }
    return parent.side() == OrderSide.SELL ? current.max(candidate) : current.min(candidate);
  }

  @Override
  void release() {
    if (subscription != null) {
      subscription.close();
    }
  }
}
