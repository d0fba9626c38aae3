package com.sharewise.strategies;

/**
 * What a trader (or the platform, on a failure) decided about a strategy instance. Stored; a
 * RUNNING instance is started again after a restart.
 */
public enum InstanceState {
  /** Receives bars and signals (or waits for its strategy plugin). */
  RUNNING,
  /** Stopped for now, by the trader or by the platform after an error (see its last error). */
  PAUSED,
  /** Stopped by the trader. */
  STOPPED
}
