package com.sharewise.rules.internal;

import com.sharewise.rules.model.InstrumentLimit;
import com.sharewise.rules.model.Limits;
import com.sharewise.rules.model.RestrictedInstrument;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An immutable snapshot of the limits rules read as data: per-account limits (with defaults), the
 * restricted list and per-instrument limits.
 */
public record LimitData(
    Limits defaults,
    Map<String, Limits> byAccount,
    Map<String, RestrictedInstrument> restricted,
    Map<String, InstrumentLimit> instrumentLimits) {

  public LimitData {
    byAccount = Map.copyOf(byAccount);
    restricted = Map.copyOf(restricted);
    instrumentLimits = Map.copyOf(instrumentLimits);
  }

  /** Only the defaults, nothing restricted. */
  public static LimitData defaultsOnly() {
    return new LimitData(Limits.DEFAULTS, Map.of(), Map.of(), Map.of());
  }

  /** A snapshot from lists (scenarios give theirs this way). */
  public static LimitData of(
      Limits defaults,
      Collection<Limits> accounts,
      Collection<RestrictedInstrument> restricted,
      Collection<InstrumentLimit> instrumentLimits) {
    return new LimitData(
        defaults == null ? Limits.DEFAULTS : defaults,
        accounts.stream().collect(Collectors.toMap(Limits::accountId, Function.identity())),
        restricted.stream()
            .collect(Collectors.toMap(RestrictedInstrument::instrument, Function.identity())),
        instrumentLimits.stream()
            .collect(Collectors.toMap(InstrumentLimit::instrument, Function.identity())));
  }

  /** The account's limits, else the defaults carried over to it. */
  public Limits limitsFor(String accountId) {
    Limits own = byAccount.get(accountId);
    if (own != null) {
      return own;
    }
    return defaults.forAccount(accountId);
  }
}
