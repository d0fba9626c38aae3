package com.sharewise.backtest.optimise;

import com.sharewise.backtest.BacktestException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The values one parameter takes in an optimisation: either listed ({@code values}) or stepped from
 * {@code from} to {@code to} inclusive by {@code step}.
 *
 * @param values explicit values as text, or null
 * @param from first value of a stepped range
 * @param to last value (inclusive) of a stepped range
 * @param step increment, positive
 */
public record ParameterRange(List<String> values, BigDecimal from, BigDecimal to, BigDecimal step) {

  /** Most values one parameter may take. */
  public static final int MAX_VALUES = 10_000;

  public ParameterRange {
    values = values == null ? null : List.copyOf(values);
  }

  /** A stepped range. */
  public static ParameterRange stepped(String from, String to, String step) {
    return new ParameterRange(null, new BigDecimal(from), new BigDecimal(to), new BigDecimal(step));
  }

  /** Listed values. */
  public static ParameterRange of(String... values) {
    return new ParameterRange(List.of(values), null, null, null);
  }

  /**
   * The values as text, in order (decimals without trailing zeros, so {@code 10} stays {@code 10}).
   *
   * @throws BacktestException.Invalid naming {@code ranges.<name>} when the range is malformed
   */
  public List<String> expand(String name) {
    String field = "ranges." + name;
    if (values != null) {
      if (values.isEmpty()) {
        throw new BacktestException.Invalid(field, name + ": values must not be empty");
      }
      return values;
    }
    if (from == null || to == null || step == null) {
      throw new BacktestException.Invalid(
          field, name + ": give either values, or from, to and step");
    }
    if (step.signum() <= 0) {
      throw new BacktestException.Invalid(field, name + ": step must be positive");
    }
    if (to.compareTo(from) < 0) {
      throw new BacktestException.Invalid(field, name + ": to must not be below from");
    }
    BigDecimal count = to.subtract(from).divide(step, 0, java.math.RoundingMode.FLOOR);
    if (count.compareTo(BigDecimal.valueOf(MAX_VALUES)) >= 0) {
      throw new BacktestException.Invalid(
          field, name + ": more than " + MAX_VALUES + " values; use a larger step");
    }
    List<String> out = new ArrayList<>();
    for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(step)) {
      BigDecimal plain = v.stripTrailingZeros();
      out.add((plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString());
    }
    return out;
  }
}
