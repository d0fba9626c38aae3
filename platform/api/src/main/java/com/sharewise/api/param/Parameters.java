package com.sharewise.api.param;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Validated parameter values: every declared parameter is present, typed and in range.
 *
 * <p>Immutable and thread-safe. Plugins read values with the typed getters; asking for a name that
 * was not declared is a programming error and throws {@link ParameterException}.
 */
public final class Parameters {

  private final Map<String, Object> values;

  private Parameters(Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /**
   * Validates user-supplied text values against {@code specs}, filling in defaults.
   *
   * @throws ParameterException for an unknown name (listing the known ones) or a bad value
   */
  public static Parameters resolve(List<ParameterSpec> specs, Map<String, String> given) {
    Map<String, ParameterSpec> byName = new LinkedHashMap<>();
    specs.forEach(spec -> byName.put(spec.name(), spec));
    for (String name : given.keySet()) {
      if (!byName.containsKey(name)) {
        throw new ParameterException(
            name, "unknown parameter '" + name + "'; known: " + String.join(", ", byName.keySet()));
      }
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (ParameterSpec spec : byName.values()) {
      String text = given.get(spec.name());
      values.put(spec.name(), text == null ? spec.defaultValue() : spec.parse(text));
    }
    return new Parameters(values);
  }

  /** The defaults of {@code specs}. */
  public static Parameters defaults(List<ParameterSpec> specs) {
    return resolve(specs, Map.of());
  }

  public long getInteger(String name) {
    return ((Number) get(name)).longValue();
  }

  public int getInt(String name) {
    return Math.toIntExact(getInteger(name));
  }

  public double getDecimal(String name) {
    return ((Number) get(name)).doubleValue();
  }

  public boolean getBoolean(String name) {
    return (Boolean) get(name);
  }

  public String getText(String name) {
    return String.valueOf(get(name));
  }

  /** All values by name, in declaration order. */
  public Map<String, Object> asMap() {
    return values;
  }

  private Object get(String name) {
    Object value = values.get(name);
    if (value == null) {
      throw new ParameterException(name, "parameter '" + name + "' was not declared");
    }
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Parameters p && p.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", ", "{", "}"));
  }
}
