package com.sharewise.orders.algo;

import com.sharewise.api.trading.OrderType;
import com.sharewise.orders.Algorithm;
import com.sharewise.orders.OrderException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads an algorithm's parameters, which arrive as text. Every failure is an {@link OrderException}
 * {@code INVALID} naming the parameter and what would be valid, in words a trader can act on.
 */
final class Parameters {

  private final Algorithm algorithm;
  private final Map<String, String> values;

  /**
   * @throws OrderException for a parameter the algorithm does not know (most likely a typo)
   */
  Parameters(Terms terms, Set<String> known) {
    this.algorithm = terms.algorithm();
    this.values = terms.parameters();
    for (String name : values.keySet()) {
      if (!known.contains(name)) {
        throw new OrderException(
            OrderException.Reason.INVALID,
            "'"
                + name
                + "' is not a parameter of "
                + algorithm
                + (known.isEmpty() ? "; it takes none" : "; use " + new TreeSet<>(known)));
      }
    }
  }

  /** Whether the parameter was given (not blank). */
  boolean has(String name) {
    String value = values.get(name);
    return value != null && !value.isBlank();
  }

  /** A required positive amount in rupees. */
  BigDecimal amount(String name) {
    if (!has(name)) {
      throw invalid(name, "is required");
    }
    BigDecimal value;
    try {
      value = new BigDecimal(values.get(name).trim());
    } catch (NumberFormatException e) {
      throw invalid(name, "must be a number such as 1520.50, got '" + values.get(name) + "'");
    }
    if (value.signum() <= 0) {
      throw invalid(name, "must be positive, got " + value.toPlainString());
    }
    return value;
  }

  /** A whole number in {@code [min, max]}, or {@code fallback} when not given. */
  long whole(String name, long fallback, long min, long max) {
    if (!has(name)) {
      return fallback;
    }
    long value;
    try {
      value = Long.parseLong(values.get(name).trim());
    } catch (NumberFormatException e) {
      throw invalid(name, "must be a whole number, got '" + values.get(name) + "'");
    }
    if (value < min || value > max) {
      throw invalid(name, "must be from " + min + " to " + max + ", got " + value);
    }
    return value;
  }

  /** Exactly one of two alternatives must be given; returns whether it is the first. */
  boolean oneOf(String first, String second) {
    if (has(first) == has(second)) {
      throw new OrderException(
          OrderException.Reason.INVALID,
          algorithm
              + " needs exactly one of the parameters '"
              + first
              + "' and '"
              + second
              + "'"
              + (has(first) ? ", not both" : ""));
    }
    return has(first);
  }

  OrderException invalid(String name, String problem) {
    return new OrderException(
        OrderException.Reason.INVALID, algorithm + " parameter '" + name + "' " + problem);
  }

  /** Refuses an order type the algorithm cannot work. */
  static void requireType(Terms terms, Set<OrderType> allowed) {
    if (!allowed.contains(terms.type())) {
      throw new OrderException(
          OrderException.Reason.INVALID,
          terms.algorithm()
              + " works "
              + new TreeSet<>(allowed)
              + " orders; 'type' "
              + terms.type()
              + " is not one of them");
    }
  }
}
