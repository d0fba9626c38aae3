package com.sharewise.orders;

import static com.sharewise.store.jooq.Tables.KILL_SWITCH;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import com.sharewise.audit.AuditRecord;
import com.sharewise.audit.AuditTrail;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jooq.DSLContext;

/**
 * The kill switches: global, per account and per strategy instance. Engaging one blocks new orders
 * in its scope at once on every node and cancels the scope's working orders; releasing it is a
 * deliberate act that needs a reason. Both are audited.
 *
 * <p>State lives in PostgreSQL; every node keeps a copy in memory (so the check on each order is a
 * map lookup) and reloads it when a change is announced on the grid topic {@value #TOPIC}.
 * Thread-safe.
 */
public final class KillSwitches implements KillSwitchCheck, AutoCloseable {

  /** The grid topic announcing a change (the message is the changed switch's key). */
  public static final String TOPIC = "sharewise.killswitch";

  /** What a switch covers. */
  public enum Scope {
    /** Every order of every account. */
    GLOBAL,
    /** One account's orders; target = the account id. */
    ACCOUNT,
    /** One strategy instance's orders; target = the instance id. */
    STRATEGY;

    public static Scope parse(String text) {
      try {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
      } catch (RuntimeException e) {
        throw new OrderException(
            OrderException.Reason.INVALID,
            "unknown kill switch scope '" + text + "'; use GLOBAL, ACCOUNT or STRATEGY");
      }
    }
  }

  /**
   * One switch.
   *
   * @param scope what it covers
   * @param target the account or strategy instance id; {@code *} for GLOBAL
   * @param engaged whether it blocks orders now
   * @param reason why it was last changed
   * @param changedBy who last changed it
   * @param changedAt when
   */
  public record State(
      Scope scope,
      String target,
      boolean engaged,
      String reason,
      String changedBy,
      Instant changedAt) {}

  private final DSLContext dsl;
  private final AuditTrail audit;
  private final Clock clock;
  private final ITopic<String> topic;
  private final UUID subscription;
  private final Map<String, State> states = new ConcurrentHashMap<>();
  private volatile Consumer<State> onEngaged = s -> {};

  public KillSwitches(DSLContext dsl, AuditTrail audit, Clock clock, HazelcastInstance grid) {
    this.dsl = dsl;
    this.audit = audit;
    this.clock = clock;
    this.topic = grid.getTopic(TOPIC);
    reload();
    this.subscription = topic.addMessageListener(message -> changed(message.getMessageObject()));
  }

  /**
   * What to do on this node when a switch is engaged anywhere: cancel this node's working orders in
   * its scope.
   */
  public void onEngaged(Consumer<State> action) {
    this.onEngaged = action;
  }

  @Override
  public Optional<String> blocking(long accountId, String strategyId) {
    if (states.isEmpty()) {
      return Optional.empty();
    }
    return engaged(Scope.GLOBAL, "*")
        .or(() -> engaged(Scope.ACCOUNT, Long.toString(accountId)))
        .or(() -> strategyId.isEmpty() ? Optional.empty() : engaged(Scope.STRATEGY, strategyId))
        .map(
            s ->
                "kill switch "
                    + s.scope()
                    + (s.scope() == Scope.GLOBAL ? "" : " " + s.target())
                    + " engaged by "
                    + s.changedBy()
                    + " at "
                    + s.changedAt()
                    + (s.reason().isEmpty() ? "" : ": " + s.reason()));
  }

  private Optional<State> engaged(Scope scope, String target) {
    State state = states.get(key(scope, target));
    return state != null && state.engaged() ? Optional.of(state) : Optional.empty();
  }

  /** Every switch ever set, engaged first. */
  public List<State> list() {
    return states.values().stream()
        .sorted(
            Comparator.comparing((State s) -> !s.engaged())
                .thenComparing(State::scope)
                .thenComparing(State::target))
        .toList();
  }

  /** Engages a switch: blocks new orders in its scope and cancels its working orders. */
  public State engage(Scope scope, String target, String actor, String reason) {
    return set(scope, target, true, actor, reason == null ? "" : reason.trim());
  }

  /**
   * Releases a switch. Deliberate: a reason is required, and it is audited.
   *
   * @throws OrderException {@code INVALID} without a reason, {@code CONFLICT} when not engaged
   */
  public State release(Scope scope, String target, String actor, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new OrderException(
          OrderException.Reason.INVALID,
          "releasing a kill switch needs a reason (it is recorded in the audit log)");
    }
    if (engaged(scope, normalise(scope, target)).isEmpty()) {
      throw new OrderException(
          OrderException.Reason.CONFLICT,
          "kill switch " + scope + " " + target + " is not engaged");
    }
    return set(scope, target, false, actor, reason.trim());
  }

  private State set(Scope scope, String rawTarget, boolean engaged, String actor, String reason) {
    String target = normalise(scope, rawTarget);
    Instant now = clock.instant();
    dsl.insertInto(KILL_SWITCH)
        .set(KILL_SWITCH.SCOPE, scope.name())
        .set(KILL_SWITCH.TARGET, target)
        .set(KILL_SWITCH.ENGAGED, engaged)
        .set(KILL_SWITCH.REASON, reason)
        .set(KILL_SWITCH.CHANGED_BY, actor)
        .set(KILL_SWITCH.CHANGED_AT, now.atOffset(ZoneOffset.UTC))
        .onConflict(KILL_SWITCH.SCOPE, KILL_SWITCH.TARGET)
        .doUpdate()
        .set(KILL_SWITCH.ENGAGED, engaged)
        .set(KILL_SWITCH.REASON, reason)
        .set(KILL_SWITCH.CHANGED_BY, actor)
        .set(KILL_SWITCH.CHANGED_AT, now.atOffset(ZoneOffset.UTC))
        .execute();
    audit.append(
        new AuditRecord(
            actor,
            engaged ? "KILL_SWITCH_ENGAGED" : "KILL_SWITCH_RELEASED",
            "killswitch",
            key(scope, target),
            Map.of("reason", reason)));
    State state = new State(scope, target, engaged, reason, actor, now);
    states.put(key(scope, target), state);
    topic.publish(key(scope, target));
    return state;
  }

  private void changed(String key) {
    reload();
    State after = states.get(key);
    if (after != null && after.engaged()) {
      // every node cancels its own working orders in the scope, the engaging one included
      onEngaged.accept(after);
    }
  }

  private void reload() {
    Map<String, State> fresh = new ConcurrentHashMap<>();
    dsl.selectFrom(KILL_SWITCH)
        .fetch()
        .forEach(
            r -> {
              State s =
                  new State(
                      Scope.valueOf(r.getScope()),
                      r.getTarget(),
                      r.getEngaged(),
                      r.getReason(),
                      r.getChangedBy(),
                      r.getChangedAt().toInstant());
              fresh.put(key(s.scope(), s.target()), s);
            });
    states.keySet().retainAll(fresh.keySet());
    states.putAll(fresh);
  }

  private static String normalise(Scope scope, String target) {
    if (scope == Scope.GLOBAL) {
      return "*";
    }
    if (target == null || target.isBlank()) {
      throw new OrderException(
          OrderException.Reason.INVALID, scope + " kill switches need a target id");
    }
    return target.trim();
  }

  private static String key(Scope scope, String target) {
    return scope + ":" + target;
  }

  @Override
  public void close() {
    topic.removeMessageListener(subscription);
  }
}
