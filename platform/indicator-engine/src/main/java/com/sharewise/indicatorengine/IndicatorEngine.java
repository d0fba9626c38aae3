package com.sharewise.indicatorengine;

import com.sharewise.api.indicator.BarArrays;
import com.sharewise.api.indicator.BatchIndicator;
import com.sharewise.api.indicator.IndicatorDescriptor;
import com.sharewise.api.indicator.IndicatorProvider;
import com.sharewise.api.market.Bar;
import com.sharewise.api.param.ParameterException;
import com.sharewise.api.param.Parameters;
import com.sharewise.pluginhost.PluginService;
import com.sharewise.pluginhost.PluginServices;
import java.time.Instant;
import java.util.AbstractList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.Num;

/**
 * Computes indicator series over bars with whatever indicator plugins are installed now.
 *
 * <p>A provider that also implements {@link BatchIndicator} is computed over primitive arrays in
 * one call (the fast path); any other is computed by building a ta4j {@link BarSeries} with {@code
 * DoubleNum} and reading each output's ta4j indicator bar by bar. Both give the same values; see
 * {@link BatchIndicator}.
 *
 * <p>Thread-safe: each call works on its own data. The providers are looked up on every call, so
 * plugins installed, updated or removed at run time are seen at once.
 */
public final class IndicatorEngine {

  private static final Logger LOG = LoggerFactory.getLogger(IndicatorEngine.class);

  private final PluginServices<IndicatorProvider> providers;

  public IndicatorEngine(PluginServices<IndicatorProvider> providers) {
    this.providers = Objects.requireNonNull(providers, "providers");
  }

  /** The indicators available now, sorted by id (one per id). */
  public List<IndicatorDescriptor> available() {
    Map<String, IndicatorDescriptor> byId = new LinkedHashMap<>();
    for (PluginService<IndicatorProvider> service : providers.snapshot()) {
      IndicatorDescriptor descriptor = describe(service);
      if (descriptor != null) {
        byId.putIfAbsent(descriptor.id(), descriptor);
      }
    }
    return byId.values().stream().sorted(Comparator.comparing(IndicatorDescriptor::id)).toList();
  }

  /**
   * Computes indicator {@code id} over {@code bars}.
   *
   * @param bars oldest first, ascending open times, one instrument and timeframe
   * @param parameters user text values by parameter name; missing ones take their defaults
   * @throws UnknownIndicatorException (lists the known ids)
   * @throws ParameterException for an unknown, malformed or out-of-range parameter, or values that
   *     do not fit together
   * @throws IllegalArgumentException when the bars are not in ascending time order
   * @throws IndicatorFailedException when the plugin fails
   */
  public IndicatorSeries compute(String id, List<Bar> bars, Map<String, String> parameters) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(bars, "bars");
    Objects.requireNonNull(parameters, "parameters");
    PluginService<IndicatorProvider> service = find(id);
    IndicatorProvider provider = service.service();
    IndicatorDescriptor descriptor = describe(service);
    Parameters resolved = Parameters.resolve(descriptor.parameters(), parameters);
    List<Bar> input = List.copyOf(bars);
    BarArrays arrays = BarArrays.of(input);
    checkOrder(arrays.time());
    long start = System.nanoTime();
    Map<String, double[]> values;
    try {
      values =
          provider instanceof BatchIndicator batch
              ? batch(descriptor, batch, arrays, resolved)
              : ta4j(descriptor, provider, input, resolved);
    } catch (ParameterException e) {
      throw e;
    } catch (Misbehaved e) {
      throw failed(service, id, e.getMessage(), null);
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      throw failed(service, id, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
    LOG.atDebug()
        .addKeyValue("indicator", id)
        .addKeyValue("bars", input.size())
        .addKeyValue("batch", provider instanceof BatchIndicator)
        .addKeyValue("micros", (System.nanoTime() - start) / 1000)
        .log("indicator computed");
    return new IndicatorSeries(id, descriptor.outputs(), new OpenTimes(input), values);
  }

  private PluginService<IndicatorProvider> find(String id) {
    for (PluginService<IndicatorProvider> service : providers.snapshot()) {
      IndicatorDescriptor descriptor = describe(service);
      if (descriptor != null && descriptor.id().equals(id)) {
        return service;
      }
    }
    throw new UnknownIndicatorException(
        id, available().stream().map(IndicatorDescriptor::id).toList());
  }

  /** The provider's descriptor, or null (logged) when the provider cannot even describe itself. */
  private static IndicatorDescriptor describe(PluginService<IndicatorProvider> service) {
    try {
      return service.service().descriptor();
    } catch (RuntimeException | LinkageError e) {
      LOG.atWarn()
          .setCause(e)
          .addKeyValue("plugin", service.pluginId())
          .log("indicator provider failed to describe itself; ignored");
      return null;
    }
  }

  private static Map<String, double[]> batch(
      IndicatorDescriptor descriptor, BatchIndicator batch, BarArrays bars, Parameters parameters) {
    double[][] computed = batch.compute(bars, parameters);
    List<String> outputs = descriptor.outputs();
    if (computed == null || computed.length != outputs.size()) {
      throw new Misbehaved(
          "returned "
              + (computed == null ? "null" : computed.length + " outputs")
              + " where its descriptor declares "
              + outputs.size()
              + " "
              + outputs);
    }
    Map<String, double[]> values = new LinkedHashMap<>();
    for (int o = 0; o < computed.length; o++) {
      if (computed[o] == null || computed[o].length != bars.size()) {
        throw new Misbehaved(
            "output '"
                + outputs.get(o)
                + "' has "
                + (computed[o] == null ? "no values" : computed[o].length + " values")
                + " for "
                + bars.size()
                + " bars");
      }
      values.put(outputs.get(o), computed[o]);
    }
    return values;
  }

  private static Map<String, double[]> ta4j(
      IndicatorDescriptor descriptor,
      IndicatorProvider provider,
      List<Bar> bars,
      Parameters parameters) {
    BarSeries series = series(bars);
    Map<String, Indicator<Num>> indicators = provider.create(series, parameters);
    if (indicators == null) {
      throw new Misbehaved("returned no indicators");
    }
    Map<String, double[]> values = new LinkedHashMap<>();
    int n = bars.size();
    for (String output : descriptor.outputs()) {
      Indicator<Num> indicator = indicators.get(output);
      if (indicator == null) {
        throw new Misbehaved(
            "returned no indicator for output '" + output + "' (got " + indicators.keySet() + ")");
      }
      double[] out = new double[n];
      for (int i = 0; i < n; i++) {
        Num value = indicator.getValue(i);
        out[i] = Num.isNaNOrNull(value) ? Double.NaN : value.doubleValue();
      }
      values.put(output, out);
    }
    return values;
  }

  /**
   * A ta4j series of {@code bars} with {@code DoubleNum} (DecimalNum is 3–4× slower): the one place
   * the platform turns its bars into ta4j bars.
   */
  public static BarSeries series(List<Bar> bars) {
    BarSeries series =
        new BaseBarSeriesBuilder().withNumFactory(DoubleNumFactory.getInstance()).build();
    for (Bar bar : bars) {
      series
          .barBuilder()
          .timePeriod(bar.timeframe().duration())
          .endTime(bar.endTime())
          .openPrice(bar.open())
          .highPrice(bar.high())
          .lowPrice(bar.low())
          .closePrice(bar.close())
          .volume(bar.volume())
          .add();
    }
    return series;
  }

  private static void checkOrder(long[] openTimes) {
    for (int i = 1; i < openTimes.length; i++) {
      if (openTimes[i] <= openTimes[i - 1]) {
        throw new IllegalArgumentException(
            "bars must be in ascending time order: bar "
                + i
                + " opens at "
                + Instant.ofEpochMilli(openTimes[i])
                + ", not after "
                + Instant.ofEpochMilli(openTimes[i - 1]));
      }
    }
  }

  private static IndicatorFailedException failed(
      PluginService<IndicatorProvider> service, String id, String message, Throwable cause) {
    LOG.atWarn()
        .setCause(cause)
        .addKeyValue("indicator", id)
        .addKeyValue("plugin", service.pluginId())
        .addKeyValue("version", service.pluginVersion())
        .log("indicator plugin failed");
    return new IndicatorFailedException(id, service.pluginId(), message, cause);
  }

  /** A plugin returned something that does not fit its descriptor. */
  private static final class Misbehaved extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Misbehaved(String message) {
      super(message);
    }
  }

  /** The bars' open times, without copying a million {@link Instant} references. */
  private static final class OpenTimes extends AbstractList<Instant> implements RandomAccess {
    private final List<Bar> bars;

    OpenTimes(List<Bar> bars) {
      this.bars = bars;
    }

    @Override
    public Instant get(int index) {
      return bars.get(index).openTime();
    }

    @Override
    public int size() {
      return bars.size();
    }
  }
}
