package com.sharewise.store;

import static com.sharewise.store.jooq.Tables.PLUGIN_EVENT;

import com.sharewise.store.jooq.tables.records.PluginEventRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * The audit trail of plugin installs, updates, removals and failures (table {@code plugin_event}).
 *
 * <p>Times come from the injected {@link Clock}, so tests and replays control them. Timestamps are
 * kept to the microsecond (PostgreSQL's precision); finer parts are truncated on write.
 *
 * <p>Thread-safe: holds no state besides the jOOQ context and the clock.
 */
public final class PluginEventLog {
  /** The most events {@link #recent(String, int)} returns in one call. */
  public static final int MAX_LIMIT = 1_000;

  private final DSLContext dsl;
  private final Clock clock;

  /**
   * @param dsl usually {@link Store#dsl()}
   * @param clock source of the time for {@link #record(String, String, PluginEvent.Action, String)}
   */
  public PluginEventLog(DSLContext dsl, Clock clock) {
    this.dsl = Objects.requireNonNull(dsl, "dsl");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Stores an event as given (time truncated to microseconds).
   *
   * @param event the event
   * @throws StoreException if the database rejects or cannot take it
   */
  public void record(PluginEvent event) {
    Objects.requireNonNull(event, "event");
    try {
      dsl.insertInto(PLUGIN_EVENT)
          .set(PLUGIN_EVENT.PLUGIN_ID, event.pluginId())
          .set(PLUGIN_EVENT.PLUGIN_VERSION, event.version())
          .set(PLUGIN_EVENT.ACTION, event.action().name())
          .set(PLUGIN_EVENT.DETAIL, event.detail())
          .set(PLUGIN_EVENT.OCCURRED_AT, toDatabase(event.occurredAt()))
          .execute();
    } catch (DataAccessException e) {
      throw new StoreException(
          "cannot record plugin event " + event.action() + " for '" + event.pluginId() + "'", e);
    }
  }

  /**
   * Stores an event that happens now, by the injected clock.
   *
   * @param pluginId the plugin's id
   * @param version the plugin version, may be null
   * @param action what happened
   * @param detail free text, may be null
   * @return the event as stored
   * @throws StoreException if the database rejects or cannot take it
   */
  public PluginEvent record(
      String pluginId, String version, PluginEvent.Action action, String detail) {
    PluginEvent event =
        new PluginEvent(
            pluginId, version, action, detail, clock.instant().truncatedTo(ChronoUnit.MICROS));
    record(event);
    return event;
  }

  /**
   * The latest events of one plugin, newest first (ties broken by insertion order).
   *
   * @param pluginId the plugin's id
   * @param limit how many at most, 1 to {@value #MAX_LIMIT}
   * @return the events, possibly empty
   * @throws StoreException if the database cannot be queried
   */
  public List<PluginEvent> recent(String pluginId, int limit) {
    Objects.requireNonNull(pluginId, "pluginId");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + " but was " + limit);
    }
    try {
      return dsl.selectFrom(PLUGIN_EVENT)
          .where(PLUGIN_EVENT.PLUGIN_ID.eq(pluginId))
          .orderBy(PLUGIN_EVENT.OCCURRED_AT.desc(), PLUGIN_EVENT.ID.desc())
          .limit(limit)
          .fetch(PluginEventLog::toEvent);
    } catch (DataAccessException e) {
      throw new StoreException("cannot read plugin events for '" + pluginId + "'", e);
    }
  }

  private static PluginEvent toEvent(PluginEventRecord row) {
    return new PluginEvent(
        row.getPluginId(),
        row.getPluginVersion(),
        PluginEvent.Action.valueOf(row.getAction()),
        row.getDetail(),
        row.getOccurredAt().toInstant());
  }

  private static OffsetDateTime toDatabase(Instant instant) {
    return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }
}
