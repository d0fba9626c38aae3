package com.sharewise.strategies.internal;

import static com.sharewise.store.jooq.Tables.STRATEGY_INSTANCE;
import static com.sharewise.store.jooq.Tables.STRATEGY_SIGNAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Timeframe;
import com.sharewise.api.strategy.Signal;
import com.sharewise.api.strategy.SignalAction;
import com.sharewise.store.jooq.tables.records.StrategyInstanceRecord;
import com.sharewise.store.jooq.tables.records.StrategySignalRecord;
import com.sharewise.strategies.InstanceState;
import com.sharewise.strategies.RoutedSignal;
import com.sharewise.strategies.StoredSignal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.DSLContext;

/** Strategy instances and their signals in PostgreSQL. Thread-safe. */
public final class InstanceStore {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, String>> TEXT_MAP = new TypeReference<>() {};

  private final DSLContext dsl;

  public InstanceStore(DSLContext dsl) {
    this.dsl = dsl;
  }

  /**
   * One stored instance.
   *
   * @param id the instance id
   * @param accountId the account
   * @param name the trader's name for it
   * @param strategyType the strategy type's id
   * @param pluginId the plugin that last ran it
   * @param pluginVersion that plugin's version
   * @param instruments the instruments
   * @param timeframe the primary timeframe
   * @param parameters resolved parameter values as text
   * @param state the stored state
   * @param lastError why the platform paused it, else empty
   * @param createdBy who created it
   * @param createdAt when
   * @param updatedAt when it last changed
   */
  public record Row(
      String id,
      long accountId,
      String name,
      String strategyType,
      String pluginId,
      String pluginVersion,
      List<InstrumentId> instruments,
      Timeframe timeframe,
      Map<String, String> parameters,
      InstanceState state,
      String lastError,
      String createdBy,
      Instant createdAt,
      Instant updatedAt) {

    public Row {
      instruments = List.copyOf(instruments);
      parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
      lastError = lastError == null ? "" : lastError;
      pluginId = pluginId == null ? "" : pluginId;
      pluginVersion = pluginVersion == null ? "" : pluginVersion;
    }

    public Row withState(InstanceState newState, String error, Instant at) {
      return new Row(
          id,
          accountId,
          name,
          strategyType,
          pluginId,
          pluginVersion,
          instruments,
          timeframe,
          parameters,
          newState,
          error,
          createdBy,
          createdAt,
          at);
    }

    public Row withPlugin(String plugin, String version) {
      return new Row(
          id,
          accountId,
          name,
          strategyType,
          plugin,
          version,
          instruments,
          timeframe,
          parameters,
          state,
          lastError,
          createdBy,
          createdAt,
          updatedAt);
    }
  }

  public void insert(Row row) {
    StrategyInstanceRecord r = dsl.newRecord(STRATEGY_INSTANCE);
    fill(r, row);
    r.setId(row.id());
    r.setCreatedBy(row.createdBy());
    r.setCreatedAt(utc(row.createdAt()));
    r.insert();
  }

  /** Writes every changeable field of {@code row}. */
  public void update(Row row) {
    StrategyInstanceRecord r = dsl.newRecord(STRATEGY_INSTANCE);
    fill(r, row);
    dsl.update(STRATEGY_INSTANCE)
        .set(r)
        .where(STRATEGY_INSTANCE.ID.eq(row.id()))
        .and(STRATEGY_INSTANCE.DELETED_AT.isNull())
        .execute();
  }

  public void delete(String id, Instant at) {
    dsl.update(STRATEGY_INSTANCE)
        .set(STRATEGY_INSTANCE.DELETED_AT, utc(at))
        .set(STRATEGY_INSTANCE.UPDATED_AT, utc(at))
        .where(STRATEGY_INSTANCE.ID.eq(id))
        .execute();
  }

  /** Every instance not deleted, oldest first. */
  public List<Row> all() {
    return dsl.selectFrom(STRATEGY_INSTANCE)
        .where(STRATEGY_INSTANCE.DELETED_AT.isNull())
        .orderBy(STRATEGY_INSTANCE.CREATED_AT, STRATEGY_INSTANCE.ID)
        .fetch(InstanceStore::toRow);
  }

  /**
   * Stores a routed signal, once per instance, instrument, timeframe, action and bar time.
   *
   * @return the stored signal, or empty when the same signal was stored before
   */
  public Optional<StoredSignal> insertSignal(long accountId, RoutedSignal routed, Instant at) {
    Signal s = routed.signal();
    StrategySignalRecord inserted =
        dsl.insertInto(STRATEGY_SIGNAL)
            .set(STRATEGY_SIGNAL.INSTANCE_ID, s.strategyInstanceId())
            .set(STRATEGY_SIGNAL.ACCOUNT_ID, accountId)
            .set(STRATEGY_SIGNAL.INSTRUMENT, s.instrument().toString())
            .set(STRATEGY_SIGNAL.TIMEFRAME, s.timeframe().label())
            .set(STRATEGY_SIGNAL.ACTION, s.action().name())
            .set(STRATEGY_SIGNAL.SIGNAL_TIME, utc(s.time()))
            .set(STRATEGY_SIGNAL.PRICE, s.price())
            .set(STRATEGY_SIGNAL.REASON, s.reason())
            .set(STRATEGY_SIGNAL.ATTRIBUTES, json(new TreeMap<>(s.attributes())))
            .set(STRATEGY_SIGNAL.OUTCOME, routed.outcome().name())
            .set(STRATEGY_SIGNAL.ORDER_ID, routed.orderId())
            .set(STRATEGY_SIGNAL.DECISION_ID, truncate(routed.decisionId(), 40))
            .set(STRATEGY_SIGNAL.RULE, truncate(routed.rule(), 200))
            .set(STRATEGY_SIGNAL.OUTCOME_REASON, routed.reason())
            .set(STRATEGY_SIGNAL.CREATED_AT, utc(at))
            .onConflictDoNothing()
            .returning()
            .fetchOne();
    return Optional.ofNullable(inserted).map(InstanceStore::toSignal);
  }

  /** An instance's signals stored before {@code beforeId} (null = newest), newest first. */
  public List<StoredSignal> signals(String instanceId, Long beforeId, int limit) {
    Condition where = STRATEGY_SIGNAL.INSTANCE_ID.eq(instanceId);
    if (beforeId != null) {
      where = where.and(STRATEGY_SIGNAL.ID.lt(beforeId));
    }
    return dsl.selectFrom(STRATEGY_SIGNAL)
        .where(where)
        .orderBy(STRATEGY_SIGNAL.ID.desc())
        .limit(limit)
        .fetch(InstanceStore::toSignal);
  }

  private static void fill(StrategyInstanceRecord r, Row row) {
    r.setAccountId(row.accountId());
    r.setName(row.name());
    r.setStrategyType(row.strategyType());
    r.setPluginId(row.pluginId());
    r.setPluginVersion(row.pluginVersion());
    r.setInstruments(String.join(",", row.instruments().stream().map(Object::toString).toList()));
    r.setTimeframe(row.timeframe().label());
    r.setParameters(json(row.parameters()));
    r.setState(row.state().name());
    r.setLastError(row.lastError());
    r.setUpdatedAt(utc(row.updatedAt()));
  }

  private static Row toRow(StrategyInstanceRecord r) {
    return new Row(
        r.getId(),
        r.getAccountId(),
        r.getName(),
        r.getStrategyType(),
        r.getPluginId(),
        r.getPluginVersion(),
        Arrays.stream(r.getInstruments().split(","))
            .filter(s -> !s.isBlank())
            .map(InstrumentId::parse)
            .toList(),
        Timeframe.parse(r.getTimeframe()),
        map(r.getParameters()),
        InstanceState.valueOf(r.getState()),
        r.getLastError(),
        r.getCreatedBy(),
        r.getCreatedAt().toInstant(),
        r.getUpdatedAt().toInstant());
  }

  private static StoredSignal toSignal(StrategySignalRecord r) {
    return new StoredSignal(
        r.getId(),
        r.getInstanceId(),
        r.getAccountId(),
        InstrumentId.parse(r.getInstrument()),
        Timeframe.parse(r.getTimeframe()),
        SignalAction.valueOf(r.getAction()),
        r.getSignalTime().toInstant(),
        r.getPrice(),
        r.getReason(),
        map(r.getAttributes()),
        RoutedSignal.Outcome.valueOf(r.getOutcome()),
        r.getOrderId(),
        r.getDecisionId(),
        r.getRule(),
        r.getOutcomeReason(),
        r.getCreatedAt().toInstant());
  }

  private static String json(Map<String, String> values) {
    try {
      return JSON.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings always serialises", e);
    }
  }

  private static Map<String, String> map(String json) {
    try {
      return JSON.readValue(json, TEXT_MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is not a map of strings: " + json, e);
    }
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
