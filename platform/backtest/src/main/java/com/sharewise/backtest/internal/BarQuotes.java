package com.sharewise.backtest.internal;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Ist;
import com.sharewise.api.market.MarketDepth;
import com.sharewise.api.market.QuoteSource;
import com.sharewise.api.market.Tick;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The quote book of a backtest: one synthetic tick per replayed bar, at the bar's close. The last
 * price is the close, bid and ask lie half a tick either side of it (so a market order pays about
 * half a tick, rounded to the tick against the trader by the paper broker), the last quantity is
 * the bar's volume and the cumulative volume grows by it within each IST day.
 *
 * <p>Subscribers (the paper broker, for its resting orders; trailing stops) get each tick
 * synchronously from {@link #onBar}, in bar order, so fills happen at the simulated time of the bar
 * that caused them. When nobody subscribes, a bar costs a few field writes: the {@link Tick} is
 * built only when someone asks for it.
 *
 * <p>Confined to the backtest's thread, like everything in a backtest: no locks.
 */
public final class BarQuotes implements QuoteSource {

  private final InstrumentIndex index;
  private final Slot[] slots;

  /**
   * @param index the instruments that get quotes
   * @param halfTicks half the tick size of each instrument, by index
   */
  public BarQuotes(InstrumentIndex index, double[] halfTicks) {
    this.index = index;
    this.slots = new Slot[index.size()];
    for (int i = 0; i < slots.length; i++) {
      slots[i] = new Slot(index.get(i), halfTicks[i]);
    }
  }

  /**
   * A bar of instrument {@code i} closed at {@code endMillis}: it becomes the quote, and
   * subscribers get it now.
   */
  public void onBar(int i, long openMillis, long endMillis, double close, long volume) {
    Slot slot = slots[i];
    long day = Ist.epochDay(openMillis);
    if (day != slot.day) {
      slot.day = day;
      slot.dayVolume = 0;
    }
    slot.dayVolume += volume;
    slot.close = close;
    slot.volume = volume;
    slot.endMillis = endMillis;
    slot.has = true;
    slot.tick = null;
    Consumer<Tick>[] listeners = slot.listeners;
    if (listeners.length > 0) {
      Tick tick = slot.tick();
      for (Consumer<Tick> listener : listeners) {
        listener.accept(tick);
      }
    }
  }

  @Override
  public Optional<Tick> latest(InstrumentId instrument) {
    int i = index.indexOf(instrument);
    if (i < 0 || !slots[i].has) {
      return Optional.empty();
    }
    return Optional.of(slots[i].tick());
  }

  @Override
  public Subscription subscribe(InstrumentId instrument, Consumer<Tick> listener) {
    int i = index.indexOf(instrument);
    if (i < 0) {
      return () -> {}; // never quoted in this backtest: nothing will ever arrive
    }
    Slot slot = slots[i];
    slot.add(listener);
    return () -> slot.remove(listener);
  }

  /**
   * Whether anyone follows the quotes of instrument {@code i} (the paper broker's resting orders).
   */
  public boolean followed(int i) {
    return slots[i].listeners.length > 0;
  }

  /** One instrument's latest bar, as a quote. */
  private static final class Slot {
    private final InstrumentId instrument;
    private final double halfTick;
    private double close;
    private long volume;
    private long dayVolume;
    private long day = Long.MIN_VALUE;
    private long endMillis;
    private boolean has;
    private Tick tick;

    // copied on change, so a listener may unsubscribe while being called
    @SuppressWarnings("unchecked")
    private Consumer<Tick>[] listeners = new Consumer[0];

    Slot(InstrumentId instrument, double halfTick) {
      this.instrument = instrument;
      this.halfTick = halfTick;
    }

    Tick tick() {
      if (tick == null) {
        double bid = close - halfTick;
        tick =
            new Tick(
                instrument,
                Instant.ofEpochMilli(endMillis),
                close,
                volume,
                dayVolume,
                bid > 0 ? bid : Double.NaN,
                close + halfTick,
                MarketDepth.EMPTY);
      }
      return tick;
    }

    void add(Consumer<Tick> listener) {
      Consumer<Tick>[] more = Arrays.copyOf(listeners, listeners.length + 1);
      more[listeners.length] = listener;
      listeners = more;
    }

    @SuppressWarnings("unchecked")
    void remove(Consumer<Tick> listener) {
      List<Consumer<Tick>> kept = Arrays.stream(listeners).filter(l -> l != listener).toList();
      listeners = kept.toArray(new Consumer[0]);
    }
  }
}
