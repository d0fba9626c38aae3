package com.sharewise.backtest.rest;

import com.sharewise.backtest.optimise.ParameterRange;
import com.sharewise.backtest.runs.OptimisationRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /backtests/optimisations}: see {@link OptimisationRequest}. A range is
 * {@code {"from": 5, "to": 20, "step": 5}} or {@code {"values": ["10", "20"]}}; walk-forward
 * lengths are ISO-8601 durations ({@code P60D}).
 */
public record OptimisationRequestDto(
    BacktestRequestDto backtest,
    String method,
    Map<String, RangeDto> ranges,
    Integer samples,
    Long seed,
    String rankBy,
    WalkForwardDto walkForward) {

  /** One parameter's values. */
  public record RangeDto(List<String> values, BigDecimal from, BigDecimal to, BigDecimal step) {}

  /** Rolling windows. */
  public record WalkForwardDto(Duration inSample, Duration outOfSample, String search) {}

  OptimisationRequest toRequest() {
    Map<String, ParameterRange> converted = new java.util.LinkedHashMap<>();
    if (ranges != null) {
      ranges.forEach(
          (name, r) ->
              converted.put(
                  name,
                  r == null
                      ? new ParameterRange(null, null, null, null)
                      : new ParameterRange(r.values(), r.from(), r.to(), r.step())));
    }
    return new OptimisationRequest(
        backtest == null ? null : backtest.toRequest(),
        method,
        converted,
        samples,
        seed,
        rankBy,
        walkForward == null
            ? null
            : new OptimisationRequest.WalkForward(
                walkForward.inSample(), walkForward.outOfSample(), walkForward.search()));
  }
}
