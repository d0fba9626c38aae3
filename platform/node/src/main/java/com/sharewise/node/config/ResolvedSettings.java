package com.sharewise.node.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Setting values after the environment overrode the file, read as typed values. Each read that
 * finds a bad value throws a {@link ConfigException} naming where the value came from (the
 * environment variable, or the key in the file) and what is allowed.
 */
public final class ResolvedSettings {

  private final Map<String, String> file;
  private final Map<String, String> env;
  private final Path fileName;

  ResolvedSettings(Map<String, String> file, Map<String, String> env, Path fileName) {
    this.file = Map.copyOf(file);
    this.env = Map.copyOf(env);
    this.fileName = fileName;
  }

  /** The raw text: the environment variable if set, else the file, else the default. */
  public String text(Setting setting) {
    String fromEnv = env.get(setting.env());
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.trim();
    }
    return file.getOrDefault(setting.key(), setting.defaultValue()).trim();
  }

  /** A whole number in {@code [min, max]}. */
  public int integer(Setting setting, int min, int max) {
    String text = text(setting);
    try {
      int value = Integer.parseInt(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the allowed range
    }
    throw problem(
        setting, "must be a whole number from " + min + " to " + max + ", got '" + text + "'");
  }

  /** A number in {@code [min, max]}. */
  public double decimal(Setting setting, double min, double max) {
    String text = text(setting);
    try {
      double value = Double.parseDouble(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the allowed range
    }
    throw problem(setting, "must be a number from " + min + " to " + max + ", got '" + text + "'");
  }

  /** {@code true} or {@code false}. */
  public boolean bool(Setting setting) {
    String text = text(setting).toLowerCase(Locale.ROOT);
    if (text.equals("true") || text.equals("false")) {
      return Boolean.parseBoolean(text);
    }
    throw problem(setting, "must be true or false, got '" + text(setting) + "'");
  }

  /** A comma-separated list (empty when unset). */
  public List<String> list(Setting setting) {
    String text = text(setting);
    return text.isEmpty()
        ? List.of()
        : Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /** A path, resolved against {@code root} when relative. */
  public Path path(Setting setting, Path root) {
    return root.resolve(text(setting)).toAbsolutePath().normalize();
  }

  /** A problem with {@code setting}'s value, naming where the value came from. */
  public ConfigException problem(Setting setting, String what) {
    return new ConfigException(List.of(describe(setting) + " " + what));
  }

  String describe(Setting setting) {
    String fromEnv = env.get(setting.env());
    if (fromEnv != null && !fromEnv.isBlank()) {
      return setting.env();
    }
    return file.containsKey(setting.key()) ? setting.key() + " in " + fileName : setting.key();
  }
}
