/**
 * Order, fill and position values shared by the order path, brokers and strategies.
 *
 * <p>Immutable records and enums; prices and money are exact {@link java.math.BigDecimal}s in
 * rupees, quantities are whole shares (or contracts), and every order carries the platform's client
 * order id so that a broker's record of it can always be matched back.
 */
@Export
@Version("1.1.0")
package com.sharewise.api.trading;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
