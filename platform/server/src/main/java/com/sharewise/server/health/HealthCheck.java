package com.sharewise.server.health;

import java.util.Map;
import java.util.function.Supplier;

/**
 * One part of the node that health reports on (store, grid, plugin host, feeds…). The node adapts
 * each part to this interface; implementations must answer within a second or two and never throw.
 * A part still getting ready after start-up answers {@link Status#STARTING} rather than UP, so
 * health is never UP before the node can serve.
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

  /** Where a part stands, declared from best to worst. */
  enum Status {
    /** The part works. */
    UP,
    /**
     * The part is still getting ready after start-up (compiling, loading) and will be UP by itself;
     * until then the node does not serve everything, so the node is not UP either.
     */
    STARTING,
    /** The part does not work. */
    DOWN
  }

  /**
   * A check's outcome.
   *
   * @param status where the part stands
   * @param detail a short human-readable summary; for STARTING and DOWN, what is missing and what
   *     it means for users
   * @param data extra figures (members, counts) shown as they are
   */
  record Result(Status status, String detail, Map<String, Object> data) {
    public Result {
      if (status == null) {
        throw new IllegalArgumentException("a health result needs a status");
      }
      data = data == null ? Map.of() : Map.copyOf(data);
    }

    /** UP when {@code up}, DOWN otherwise. */
    public Result(boolean up, String detail, Map<String, Object> data) {
      this(up ? Status.UP : Status.DOWN, detail, data);
    }

    /** Whether the part works now. */
    public boolean up() {
      return status == Status.UP;
    }

    public static Result up(String detail, Map<String, Object> data) {
      return new Result(Status.UP, detail, data);
    }

    public static Result starting(String detail, Map<String, Object> data) {
      return new Result(Status.STARTING, detail, data);
    }

    public static Result down(String detail) {
      return new Result(Status.DOWN, detail, Map.of());
    }
  }
}
