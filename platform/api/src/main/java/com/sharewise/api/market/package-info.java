/**
 * Market data values: instruments, ticks with depth, bars and timeframes, and the exchanges'
 * calendar arithmetic ({@link com.sharewise.api.market.Ist}).
 *
 * <p>All value types here are immutable records or enums, safe to share between threads and to keep
 * after the call that delivered them returns. Prices in market data are {@code double} because they
 * flow at hundreds of thousands per second into indicator maths that is itself {@code double};
 * order prices (see {@link com.sharewise.api.trading}) are exact decimals.
 */
@Export
@Version("1.2.0")
package com.sharewise.api.market;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
