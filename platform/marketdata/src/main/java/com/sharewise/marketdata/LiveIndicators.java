package com.sharewise.marketdata;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Timeframe;
import com.sharewise.api.param.ParameterException;
import com.sharewise.indicatorengine.IndicatorEngine;
import com.sharewise.indicatorengine.IndicatorSeries;
import com.sharewise.indicatorengine.UnknownIndicatorException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indicators kept up to date as bars close: a strategy or chart subscribes to (instrument,
 * timeframe, indicator, parameters) and gets a new value on every closed bar of that instrument and
 * timeframe.
 *
 * <p>For each (instrument, timeframe) with subscribers a window of the latest bars is kept (loaded
 * from the bar history at the first subscription, then fed by closed bars); on each close every
 * subscribed indicator is recomputed over the window with the {@link IndicatorEngine} — the same
 * plugins and code as the REST API and backtests, so live and historic values agree. A window of
 * 300 bars costs a few microseconds per indicator with the plugins' batch path; indicators with
 * unbounded memory (EMA, RSI) converge within it to well below a display digit.
 *
 * <p>Thread-safe. {@link #onBar} runs on the market-data dispatch thread; listeners of a {@link
 * LiveIndicator} are called there and must return quickly.
 */
public final class LiveIndicators implements BarListener {

  private static final Logger LOG = LoggerFactory.getLogger(LiveIndicators.class);

  private static final Instant FAR_FUTURE = Instant.parse("9999-12-31T00:00:00Z");

  private record Key(InstrumentId instrument, Timeframe timeframe) {}

  private final IndicatorEngine engine;
  private final BarHistory history;
  private final int windowSize;
  private final ConcurrentHashMap<Key, Window> windows = new ConcurrentHashMap<>();

  /**
   * @param windowSize bars kept per (instrument, timeframe)
   */
  public LiveIndicators(IndicatorEngine engine, BarHistory history, int windowSize) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.history = Objects.requireNonNull(history, "history");
    this.windowSize = windowSize;
  }

  /** The engine the values come from. */
  public IndicatorEngine engine() {
    return engine;
  }

  /**
   * Starts keeping {@code indicator} with {@code parameters} up to date for (instrument,
   * timeframe). Computes it at once over the stored history, so a bad id or parameter fails here.
   *
   * @throws UnknownIndicatorException listing the known ids
   * @throws ParameterException naming a bad parameter
   */
  public LiveIndicator subscribe(
      InstrumentId instrument,
      Timeframe timeframe,
      String indicator,
      Map<String, String> parameters) {
    Key key = new Key(instrument, timeframe);
    Window window = windows.computeIfAbsent(key, k -> new Window());
    LiveIndicator live =
        new LiveIndicator(this, instrument, timeframe, indicator, Map.copyOf(parameters));
    synchronized (window) {
      if (!window.loaded) {
        window.bars.addAll(history.last(instrument, timeframe, windowSize, FAR_FUTURE));
        window.loaded = true;
      }
      live.update(compute(live, window)); // throws for a bad id or parameter
      window.subscribers.add(live);
    }
    return live;
  }

  /** Every live indicator, for display. */
  public List<LiveIndicator> subscriptions() {
    List<LiveIndicator> all = new ArrayList<>();
    windows.values().forEach(w -> all.addAll(w.subscribers));
    return all;
  }

  void unsubscribe(LiveIndicator live) {
    Window window = windows.get(new Key(live.instrument(), live.timeframe()));
    if (window != null) {
      synchronized (window) {
        window.subscribers.remove(live);
      }
    }
  }

  @Override
  public void onBar(Bar bar) {
    Window window = windows.get(new Key(bar.instrument(), bar.timeframe()));
    if (window == null) {
      return;
    }
    synchronized (window) {
      Bar last = window.bars.peekLast();
      if (last != null && !bar.openTime().isAfter(last.openTime())) {
        return; // already in the window (loaded from history after it closed)
      }
      window.bars.addLast(bar);
      while (window.bars.size() > windowSize) {
        window.bars.removeFirst();
      }
      for (LiveIndicator live : window.subscribers) {
        try {
          live.update(compute(live, window));
        } catch (RuntimeException e) {
          LOG.atWarn()
              .setCause(e)
              .addKeyValue("indicator", live.indicator())
              .addKeyValue("instrument", live.instrument())
              .log("live indicator failed on a closed bar");
        }
      }
    }
  }

  private LiveIndicatorValue compute(LiveIndicator live, Window window) {
    if (window.bars.isEmpty()) {
      // still validate the id and parameters
      engine.compute(live.indicator(), List.of(), live.parameters());
      return null;
    }
    IndicatorSeries series =
        engine.compute(live.indicator(), List.copyOf(window.bars), live.parameters());
    int last = series.times().size() - 1;
    Map<String, Double> values = new LinkedHashMap<>();
    for (String output : series.outputs()) {
      values.put(output, series.values().get(output)[last]);
    }
    return new LiveIndicatorValue(
        live.instrument(), live.timeframe(), live.indicator(), series.times().get(last), values);
  }

  private static final class Window {
    final ArrayDeque<Bar> bars = new ArrayDeque<>();
    final List<LiveIndicator> subscribers = new CopyOnWriteArrayList<>();
    boolean loaded;
  }

  /** One subscribed indicator. Thread-safe. */
  public static final class LiveIndicator implements AutoCloseable {
    private final LiveIndicators owner;
    private final InstrumentId instrument;
    private final Timeframe timeframe;
    private final String indicator;
    private final Map<String, String> parameters;
    private final List<Consumer<LiveIndicatorValue>> listeners = new CopyOnWriteArrayList<>();
    private volatile LiveIndicatorValue latest;

    LiveIndicator(
        LiveIndicators owner,
        InstrumentId instrument,
        Timeframe timeframe,
        String indicator,
        Map<String, String> parameters) {
      this.owner = owner;
      this.instrument = instrument;
      this.timeframe = timeframe;
      this.indicator = indicator;
      this.parameters = parameters;
    }

    public InstrumentId instrument() {
      return instrument;
    }

    public Timeframe timeframe() {
      return timeframe;
    }

    public String indicator() {
      return indicator;
    }

    public Map<String, String> parameters() {
      return parameters;
    }

    /** The value after the latest closed bar, or empty before any bar. */
    public Optional<LiveIndicatorValue> latest() {
      return Optional.ofNullable(latest);
    }

    /** Calls {@code listener} with every new value (on the dispatch thread). */
    public void addListener(Consumer<LiveIndicatorValue> listener) {
      listeners.add(listener);
    }

    void update(LiveIndicatorValue value) {
      if (value == null) {
        return;
      }
      latest = value;
      for (Consumer<LiveIndicatorValue> listener : listeners) {
        listener.accept(value);
      }
    }

    /** Stops updating it. */
    @Override
    public void close() {
      owner.unsubscribe(this);
    }
  }
}
