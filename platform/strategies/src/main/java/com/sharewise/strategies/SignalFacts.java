package com.sharewise.strategies;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.rules.SignalContext;

/**
 * What the signal rules are told besides the signal: the account, its position in the instrument,
 * the latest quote and the time. Live and backtests supply their own ({@link LiveSignalFacts}
 * builds it from the order area). Thread-safe.
 */
@FunctionalInterface
public interface SignalFacts {

  /** The rules' defaults for everything (stored limits, their own clock). */
  SignalFacts NONE = (accountId, instrument) -> SignalContext.empty();

  SignalContext context(long accountId, InstrumentId instrument);
}
