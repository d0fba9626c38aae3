package com.sharewise.api.indicator;

import com.sharewise.api.param.Parameters;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An optional fast path an {@link IndicatorProvider} may also implement: the whole series in one
 * call over primitive arrays, without building ta4j objects per bar. The platform uses it for
 * charts, the REST API and backtests when present, and the ta4j indicators from {@link
 * IndicatorProvider#create} for live and rule use.
 *
 * <p>Implement it on the provider class itself ({@code class MyProvider implements
 * IndicatorProvider, BatchIndicator}); the platform finds it with {@code instanceof}. Thread-safe
 * and stateless, like the provider.
 *
 * @since 1.1
 */
@ConsumerType
public interface BatchIndicator {

  /**
   * Computes every output over whole arrays at once; same values as the ta4j indicators from {@code
   * create()} (with {@code DoubleNum}, read in order) to within rounding; NaN during warm-up.
   *
   * @param bars the input, oldest first; must not be modified
   * @param parameters validated against the provider's {@link IndicatorDescriptor#parameters()}
   * @return one array per output, in the order of {@link IndicatorDescriptor#outputs()}, each
   *     {@code bars.size()} long
   * @throws com.sharewise.api.param.ParameterException when values are individually valid but do
   *     not fit together (say a MACD whose fast period is not shorter than its slow one)
   */
  double[][] compute(BarArrays bars, Parameters parameters);
}
