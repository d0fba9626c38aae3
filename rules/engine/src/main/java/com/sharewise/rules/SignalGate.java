package com.sharewise.rules;

import com.sharewise.rules.model.SignalFact;

/**
 * Turns a strategy's signal into an order intent, or drops it, with the active signal rules (and
 * the signal rules plugins ship). Fail closed like {@link RiskGate}: an engine problem drops the
 * signal and names the cause. Thread-safe.
 */
public interface SignalGate {

  SignalVerdict evaluate(SignalFact signal, SignalContext context);
}
