package com.sharewise.api.strategy;

import com.sharewise.api.param.Parameters;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The service a strategy plugin registers (whiteboard style).
 *
 * <p>Thread-safe and stateless: the platform may call {@link #create} concurrently for different
 * instances, and for backtests and optimisations many times a second. Keep per-instance state in
 * the {@link StrategyInstance}.
 */
@ConsumerType
public interface StrategyFactory {

  /** What the strategy is and which parameters it takes. Must return the same value every call. */
  StrategyDescriptor descriptor();

  /**
   * Checks combinations of values that single parameter ranges cannot express (for example {@code
   * fast < slow}), so the platform can refuse them before creating an instance. The default accepts
   * everything.
   *
   * @throws com.sharewise.api.param.ParameterException naming the offending parameter
   */
  default void validate(Parameters parameters) {}

  /**
   * Creates an instance. The platform has called {@link #validate} with the same parameters. Build
   * ta4j indicators and rules here, on the series from {@code context}; they are empty or
   * pre-filled with history.
   *
   * @param parameters validated against {@link StrategyDescriptor#parameters()}
   */
  StrategyInstance create(StrategyContext context, Parameters parameters);
}
