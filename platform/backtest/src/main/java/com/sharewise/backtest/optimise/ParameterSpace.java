package com.sharewise.backtest.optimise;

import com.sharewise.backtest.BacktestException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Every combination of parameter values an optimisation may try: the cartesian product of the
 * ranges, in a fixed order (first parameter slowest). The grid enumerates it; random search draws
 * distinct combinations from it with a seeded generator. Immutable.
 */
public final class ParameterSpace {

  /** Most combinations an optimisation may try. */
  public static final int MAX_RUNS = 20_000;

  private final List<String> names;
  private final List<List<String>> values;
  private final long size;
  private final Map<String, String> fixed;

  /**
   * @param ranges by parameter name, in the order the combinations vary (first slowest)
   * @param fixed values of parameters that are not optimised, added to every combination
   * @throws BacktestException.Invalid for an empty or malformed range, or a space too large to
   *     enumerate
   */
  public ParameterSpace(Map<String, ParameterRange> ranges, Map<String, String> fixed) {
    if (ranges == null || ranges.isEmpty()) {
      throw new BacktestException.Invalid("ranges", "give at least one parameter range");
    }
    this.names = new ArrayList<>();
    this.values = new ArrayList<>();
    long product = 1;
    for (var entry : ranges.entrySet()) {
      List<String> expanded = entry.getValue().expand(entry.getKey());
      names.add(entry.getKey());
      values.add(expanded);
      product *= expanded.size(); // at most 10,000 values each: checked before it can overflow
      if (product > Integer.MAX_VALUE) {
        throw new BacktestException.Invalid("ranges", "the ranges span too many combinations");
      }
    }
    this.size = product;
    this.fixed = fixed == null ? Map.of() : Map.copyOf(fixed);
  }

  /** Number of combinations. */
  public long size() {
    return size;
  }

  /** Combination {@code index} (0 ≤ index < size) with the fixed values. */
  public Map<String, String> get(long index) {
    Map<String, String> combination = new LinkedHashMap<>(fixed);
    long rest = index;
    String[] chosen = new String[names.size()];
    for (int p = names.size() - 1; p >= 0; p--) {
      int n = values.get(p).size();
      chosen[p] = values.get(p).get((int) (rest % n));
      rest /= n;
    }
    for (int p = 0; p < names.size(); p++) {
      combination.put(names.get(p), chosen[p]);
    }
    return combination;
  }

  /**
   * Every combination, in order.
   *
   * @throws BacktestException.Invalid when there are more than {@link #MAX_RUNS}
   */
  public List<Map<String, String>> grid() {
    if (size > MAX_RUNS) {
      throw new BacktestException.Invalid(
          "ranges",
          "the grid has "
              + size
              + " combinations, more than "
              + MAX_RUNS
              + "; use random search or coarser ranges");
    }
    List<Map<String, String>> all = new ArrayList<>((int) size);
    for (long i = 0; i < size; i++) {
      all.add(get(i));
    }
    return all;
  }

  /**
   * {@code samples} distinct combinations drawn uniformly with {@code seed} (all of them when the
   * space is no larger), in the order drawn.
   *
   * @throws BacktestException.Invalid when {@code samples} is not 1 to {@link #MAX_RUNS}
   */
  public List<Map<String, String>> random(int samples, long seed) {
    if (samples < 1 || samples > MAX_RUNS) {
      throw new BacktestException.Invalid("samples", "samples must be 1 to " + MAX_RUNS);
    }
    if (samples >= size) {
      return grid();
    }
    SplittableRandom random = new SplittableRandom(seed);
    java.util.LinkedHashSet<Long> picked = new java.util.LinkedHashSet<>();
    while (picked.size() < samples) {
      picked.add(random.nextLong(size));
    }
    List<Map<String, String>> out = new ArrayList<>(samples);
    for (long index : picked) {
      out.add(get(index));
    }
    return out;
  }
}
