package com.sharewise.api.indicator;

import com.sharewise.api.param.Parameters;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.Num;

/**
 * The service an indicator plugin registers, one per indicator (whiteboard style).
 *
 * <p>Thread-safe and stateless; {@link #create} may be called concurrently. The indicators it
 * returns are used by one thread at a time and may cache values, as ta4j's do.
 */
@ConsumerType
public interface IndicatorProvider {

  /** What the indicator is. Must return the same value on every call. */
  IndicatorDescriptor descriptor();

  /**
   * Builds the indicator over {@code series}.
   *
   * @param parameters validated against {@link IndicatorDescriptor#parameters()}
   * @return one ta4j indicator per output, keyed and ordered as {@link
   *     IndicatorDescriptor#outputs()} (use a {@link java.util.LinkedHashMap}); values before an
   *     indicator has enough bars (its warm-up) are {@code NaN}, which the platform shows as empty
   */
  Map<String, Indicator<Num>> create(BarSeries series, Parameters parameters);
}
