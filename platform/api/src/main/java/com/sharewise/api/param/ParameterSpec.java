package com.sharewise.api.param;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Declares one parameter: its name, type, default and allowed range.
 *
 * @param name identifier used in APIs and files, e.g. {@code fast}; lower camel case
 * @param type the value type
 * @param description what the parameter does, shown to users
 * @param defaultValue the value used when the user gives none (never null)
 * @param min inclusive lower bound for numbers, or null for none
 * @param max inclusive upper bound for numbers, or null for none
 * @param choices the allowed values of a {@link ParameterType#CHOICE}, else empty
 */
public record ParameterSpec(
    String name,
    ParameterType type,
    String description,
    Object defaultValue,
    Double min,
    Double max,
    List<String> choices) {

  public ParameterSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, name + ": defaultValue");
    description = description == null ? "" : description;
    choices = choices == null ? List.of() : List.copyOf(choices);
    if (type == ParameterType.CHOICE && choices.isEmpty()) {
      throw new IllegalArgumentException(name + ": a CHOICE parameter needs choices");
    }
    if (min != null && max != null && min > max) {
      throw new IllegalArgumentException(name + ": min " + min + " is above max " + max);
    }
    defaultValue = convert(name, type, String.valueOf(defaultValue), min, max, choices);
  }

  /** An integer parameter between {@code min} and {@code max} inclusive. */
  public static ParameterSpec integer(
      String name, String description, long defaultValue, long min, long max) {
    return new ParameterSpec(
        name, ParameterType.INTEGER, description, defaultValue, (double) min, (double) max, null);
  }

  /** A decimal parameter between {@code min} and {@code max} inclusive. */
  public static ParameterSpec decimal(
      String name, String description, double defaultValue, double min, double max) {
    return new ParameterSpec(
        name, ParameterType.DECIMAL, description, defaultValue, min, max, null);
  }

  /** A boolean parameter. */
  public static ParameterSpec bool(String name, String description, boolean defaultValue) {
    return new ParameterSpec(
        name, ParameterType.BOOLEAN, description, defaultValue, null, null, null);
  }

  /** A parameter that takes one of {@code choices}. */
  public static ParameterSpec choice(
      String name, String description, String defaultValue, List<String> choices) {
    return new ParameterSpec(
        name, ParameterType.CHOICE, description, defaultValue, null, null, choices);
  }

  /** A free-text parameter. */
  public static ParameterSpec text(String name, String description, String defaultValue) {
    return new ParameterSpec(name, ParameterType.TEXT, description, defaultValue, null, null, null);
  }

  /**
   * Converts user text to this parameter's type and checks its range.
   *
   * @throws ParameterException naming the parameter and what is wrong
   */
  public Object parse(String text) {
    return convert(name, type, text, min, max, choices);
  }

  private static Object convert(
      String name, ParameterType type, String text, Double min, Double max, List<String> choices) {
    String value = text == null ? "" : text.trim();
    return switch (type) {
      case INTEGER -> {
        long parsed;
        try {
          parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
          throw new ParameterException(name, name + " must be a whole number, got '" + text + "'");
        }
        checkRange(name, parsed, min, max);
        yield parsed;
      }
      case DECIMAL -> {
        double parsed;
        try {
          parsed = Double.parseDouble(value);
        } catch (NumberFormatException e) {
          throw new ParameterException(name, name + " must be a number, got '" + text + "'");
        }
        if (!Double.isFinite(parsed)) {
          throw new ParameterException(name, name + " must be a finite number, got '" + text + "'");
        }
        checkRange(name, parsed, min, max);
        yield parsed;
      }
      case BOOLEAN -> {
        String lower = value.toLowerCase(Locale.ROOT);
        if (!lower.equals("true") && !lower.equals("false")) {
          throw new ParameterException(name, name + " must be true or false, got '" + text + "'");
        }
        yield Boolean.parseBoolean(lower);
      }
      case CHOICE -> {
        if (!choices.contains(value)) {
          throw new ParameterException(
              name, name + " must be one of " + choices + ", got '" + text + "'");
        }
        yield value;
      }
      case TEXT -> value;
    };
  }

  private static void checkRange(String name, double value, Double min, Double max) {
    if ((min != null && value < min) || (max != null && value > max)) {
      throw new ParameterException(
          name,
          name
              + " must be between "
              + format(min)
              + " and "
              + format(max)
              + ", got "
              + format(value));
    }
  }

  private static String format(Double value) {
    if (value == null) {
      return "unbounded";
    }
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString(value.longValue())
        : Double.toString(value);
  }
}
