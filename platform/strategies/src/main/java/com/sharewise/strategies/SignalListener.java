package com.sharewise.strategies;

/**
 * Told about every signal the live runtime stored (the WebSocket stream listens). Called on the
 * emitting instance's thread: return quickly. Exceptions are logged and ignored.
 */
@FunctionalInterface
public interface SignalListener {

  SignalListener NONE = signal -> {};

  void published(StoredSignal signal);
}
