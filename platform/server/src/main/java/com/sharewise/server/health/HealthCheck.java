package com.sharewise.server.health;

import java.util.Map;
import java.util.function.Supplier;

/**
 * One part of the node that health reports on (store, grid, plugin host, feeds…). The node adapts
 * each part to this interface; implementations must answer within a second or two and never throw.
 */
public interface HealthCheck {

  /** The key under {@code checks} in the health document, e.g. {@code store}. */
  String name();

  /** The part's state now. */
  Result check();

  /** A check named {@code name} that asks {@code check}. */
  static HealthCheck of(String name, Supplier<Result> check) {
    return new HealthCheck() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Result check() {
        return check.get();
      }
    };
  }

  /**
   * A check's outcome.
   *
   * @param up whether the part works
   * @param detail a short human-readable summary
   * @param data extra figures (members, counts) shown as they are
   */
  record Result(boolean up, String detail, Map<String, Object> data) {
    public Result {
      data = data == null ? Map.of() : Map.copyOf(data);
    }

    public static Result up(String detail, Map<String, Object> data) {
      return new Result(true, detail, data);
    }

    public static Result down(String detail) {
      return new Result(false, detail, Map.of());
    }
  }
}
