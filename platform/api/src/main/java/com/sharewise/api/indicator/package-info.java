/**
 * The indicator plugin SPI: named, parameterised ta4j indicators for charts, APIs and rules.
 *
 * <p>An indicator plugin registers one {@link com.sharewise.api.indicator.IndicatorProvider} per
 * indicator. The platform builds indicators over its own bar series and reads their values; it
 * calls the provider, never the other way round.
 *
 * <p>Since 1.1 a provider may also implement {@link com.sharewise.api.indicator.BatchIndicator}, a
 * fast path over primitive arrays ({@link com.sharewise.api.indicator.BarArrays}) that must give
 * the same values as its ta4j indicators.
 */
@Export
@Version("1.1.0")
package com.sharewise.api.indicator;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
