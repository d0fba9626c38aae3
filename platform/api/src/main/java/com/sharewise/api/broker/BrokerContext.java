package com.sharewise.api.broker;

import com.sharewise.api.market.Instrument;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.QuoteSource;
import com.sharewise.api.param.Parameters;
import com.sharewise.api.trading.AccountRef;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What the platform gives an adapter when it creates one for an account. Implemented by the
 * platform; all methods are cheap and thread-safe.
 */
@ProviderType
public interface BrokerContext {

  /** The platform account this adapter serves. */
  AccountRef account();

  /** The account's settings for this broker, validated against the descriptor's specs. */
  Parameters settings();

  /** The platform clock. Use it, not the system clock, so backtests and tests are deterministic. */
  Clock clock();

  /** Latest quotes, for adapters that need prices (the paper broker fills against them). */
  QuoteSource quotes();

  /**
   * Reference data (tick size, lot size, token) of an instrument from the platform's instrument
   * master, or empty when the platform does not know it.
   */
  Optional<Instrument> instrument(InstrumentId instrument);

  /** Where to report order updates, fills and connection state. */
  BrokerCallback callback();

  /**
   * A directory private to this adapter instance that survives restarts, for adapters that keep
   * their own durable state (the paper broker's order book).
   */
  Path stateDirectory();
}
