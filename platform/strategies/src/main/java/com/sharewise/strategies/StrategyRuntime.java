package com.sharewise.strategies;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.Instrument;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Timeframe;
import com.sharewise.api.param.ParameterException;
import com.sharewise.api.param.Parameters;
import com.sharewise.api.strategy.Signal;
import com.sharewise.api.strategy.StrategyFactory;
import com.sharewise.api.trading.AccountRef;
import com.sharewise.audit.AuditRecord;
import com.sharewise.audit.AuditTrail;
import com.sharewise.marketdata.BarEvents;
import com.sharewise.marketdata.BarHistory;
import com.sharewise.orders.OrderIds;
import com.sharewise.pluginhost.PluginService;
import com.sharewise.pluginhost.PluginServiceListener;
import com.sharewise.pluginhost.PluginServices;
import com.sharewise.strategies.StrategyException.Reason;
import com.sharewise.strategies.internal.InstanceStore;
import com.sharewise.strategies.internal.InstanceStore.Row;
import com.sharewise.strategies.internal.Session;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live strategy runtime of a node: strategy instances as traders create them, each run by a
 * {@link StrategyRunner} on a thread of its own, fed with closed bars from market data, with its
 * signals stored, streamed and routed to orders by the {@link SignalRouter}.
 *
 * <ul>
 *   <li><b>Instances</b> are validated when created or changed (strategy type installed,
 *       instruments known, parameters resolved against the descriptor and accepted by the factory,
 *       and a trial {@code create}); their stored state is the trader's intent, so RUNNING
 *       instances are started again after a restart.
 *   <li><b>Starting</b> loads {@link StrategiesConfig#historyBars()} of history per instrument and
 *       timeframe, so indicators are warm, then the instance receives every closed bar of its
 *       series. Bars closing while history loads wait in its queue; those already in the history
 *       are skipped.
 *   <li><b>Isolation.</b> Each instance has its own single-threaded (virtual thread) executor. An
 *       instance that throws, overruns its time budget, falls {@link
 *       StrategiesConfig#maxQueuedBars()} behind or does not return is PAUSED with the reason;
 *       others go on.
 *   <li><b>Plugins.</b> Strategy types come from {@link StrategyFactory} services plugins register.
 *       When a plugin is updated, running instances move to the new factory (their parameters are
 *       checked again; they are paused with the reason when they no longer fit). While a type is
 *       not installed its running instances wait; when its plugin is removed ({@link
 *       #pluginRemoved}) they are paused.
 * </ul>
 *
 * <p>Thread-safe. Changes to one instance are serialised by its lock; requests, plugin events and
 * the instances' threads may call at the same time.
 */
public final class StrategyRuntime implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StrategyRuntime.class);

  /** The longest a request waits for a strategy's {@code onStop} when ending its session. */
  private static final Duration STOP_WAIT = Duration.ofSeconds(2);

  /** Most instruments one instance may trade. */
  public static final int MAX_INSTRUMENTS = 50;

  /** The status of a RUNNING instance whose history is loading. */
  public static final String STARTING = "STARTING";

  /** The status of a RUNNING instance whose strategy type is not installed now. */
  public static final String WAITING = "WAITING";

  /**
   * What the runtime needs.
   *
   * @param dsl the store
   * @param clock the platform clock (the strategies' clock too)
   * @param audit the audit trail
   * @param factories the strategy plugins' factories
   * @param bars closed live bars
   * @param history stored bars, to warm instances up
   * @param instruments the instrument master
   * @param router signals to orders
   * @param listener told about every stored signal (WebSocket)
   */
  public record Dependencies(
      DSLContext dsl,
      Clock clock,
      AuditTrail audit,
      PluginServices<StrategyFactory> factories,
      BarEvents bars,
      BarHistory history,
      Function<InstrumentId, Optional<Instrument>> instruments,
      SignalRouter router,
      SignalListener listener) {}

  /**
   * How the instances fare, for health.
   *
   * @param running instances receiving bars
   * @param starting instances loading history
   * @param waiting running instances whose strategy type is not installed
   * @param paused paused instances
   * @param failed paused instances the platform paused after an error, with the error, by id
   * @param stopped stopped instances
   */
  public record Health(
      int running,
      int starting,
      int waiting,
      int paused,
      Map<String, String> failed,
      int stopped) {}

  /** A strategy type as a plugin service provides it. */
  private record TypeEntry(String typeId, PluginService<StrategyFactory> service) {
    StrategyFactory factory() {
      return service.service();
    }

    String plugin() {
      return service.pluginId() + " " + service.pluginVersion();
    }
  }

  /** Resolved, accepted settings of an instance. */
  private record Validated(TypeEntry type, Parameters parameters) {}

  /** One instance: its stored row and its current session, changed under its own lock. */
  private static final class Live {
    volatile Row row;
    volatile Session session;
    volatile String detail = "";

    Live(Row row) {
      this.row = row;
    }
  }

  private final StrategiesConfig config;
  private final Dependencies d;
  private final InstanceStore store;
  private final OrderIds ids;
  private final Map<String, Live> instances = new ConcurrentHashMap<>();
  private final Map<Long, TypeEntry> services = new ConcurrentHashMap<>();
  private final Map<String, TypeEntry> types = new ConcurrentHashMap<>();
  private final Object routesLock = new Object();
  private volatile Map<InstrumentId, List<Live>> routes = Map.of();
  private final ExecutorService control =
      Executors.newSingleThreadExecutor(Thread.ofVirtual().name("strategy-control").factory());
  private final ScheduledExecutorService watchdog =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("strategy-watchdog").factory());
  private final long hangNanos;
  private final PluginServiceListener<StrategyFactory> factoryListener =
      new PluginServiceListener<>() {
        @Override
        public void added(PluginService<StrategyFactory> service) {
          factoryAdded(service);
        }

        @Override
        public void removed(PluginService<StrategyFactory> service) {
          factoryRemoved(service);
        }
      };
  private volatile BarEvents.Subscription subscription;

  private StrategyRuntime(StrategiesConfig config, Dependencies dependencies) {
    this.config = config;
    this.d = dependencies;
    this.store = new InstanceStore(dependencies.dsl());
    // instance ids share the order ids' form: sortable, 16 letters and digits, unique per node
    this.ids = new OrderIds(dependencies.clock(), new SecureRandom());
    long budget = config.timeBudget().toNanos();
    this.hangNanos =
        budget > 0
            ? Math.max(Duration.ofSeconds(1).toNanos(), 20 * budget)
            : Duration.ofSeconds(30).toNanos();
  }

  /**
   * Loads the stored instances, starts tracking strategy plugins and closed bars, and starts again
   * the instances that were RUNNING (in the background: history loads on their own threads).
   */
  public static StrategyRuntime start(StrategiesConfig config, Dependencies dependencies) {
    StrategyRuntime runtime = new StrategyRuntime(config, dependencies);
    for (Row row : runtime.store.all()) {
      runtime.instances.put(row.id(), new Live(row));
    }
    runtime.subscription = dependencies.bars().subscribe(runtime::onBar);
    dependencies.factories().addListener(runtime.factoryListener);
    runtime.control.execute(runtime::recover);
    runtime.watchdog.scheduleWithFixedDelay(runtime::watch, 1, 1, TimeUnit.SECONDS);
    LOG.atInfo()
        .addKeyValue("instances", runtime.instances.size())
        .addKeyValue("types", runtime.types.size())
        .log("strategy runtime started");
    return runtime;
  }

  // ---- queries ----

  /** The installed strategy types, by id. */
  public List<StrategyType> types() {
    return types.values().stream()
        .sorted(Comparator.comparing(TypeEntry::typeId))
        .map(
            t ->
                new StrategyType(
                    t.factory().descriptor(), t.service().pluginId(), t.service().pluginVersion()))
        .toList();
  }

  /** The instances of these accounts (null = all), oldest first. */
  public List<InstanceView> list(Set<Long> accounts) {
    return instances.values().stream()
        .filter(l -> accounts == null || accounts.contains(l.row.accountId()))
        .sorted(Comparator.comparing((Live l) -> l.row.createdAt()).thenComparing(l -> l.row.id()))
        .map(this::view)
        .toList();
  }

  public Optional<InstanceView> find(String id) {
    return Optional.ofNullable(instances.get(id)).map(this::view);
  }

  /**
   * An instance's stored signals, newest first.
   *
   * @param beforeId only signals stored before this one (paging), or null
   * @throws StrategyException NOT_FOUND for an unknown instance
   */
  public List<StoredSignal> signals(String id, Long beforeId, int limit) {
    require(id);
    return store.signals(id, beforeId, limit);
  }

  public Health health() {
    int running = 0;
    int starting = 0;
    int waiting = 0;
    int paused = 0;
    int stopped = 0;
    Map<String, String> failed = new LinkedHashMap<>();
    for (Live live : instances.values()) {
      Row row = live.row;
      switch (row.state()) {
        case RUNNING -> {
          Session session = live.session;
          if (session == null) {
            waiting++;
          } else if (session.started()) {
            running++;
          } else {
            starting++;
          }
        }
        case PAUSED -> {
          paused++;
          if (!row.lastError().isEmpty()) {
            failed.put(row.id(), row.lastError());
          }
        }
        case STOPPED -> stopped++;
        default -> throw new IllegalStateException("unhandled state " + row.state());
      }
    }
    return new Health(running, starting, waiting, paused, failed, stopped);
  }

  // ---- changes ----

  /**
   * Creates an instance, STOPPED unless {@code start}.
   *
   * @throws StrategyException INVALID naming the field, NOT_FOUND for an unknown strategy type or
   *     instrument, UNPROCESSABLE when the strategy refuses to run with the settings
   */
  public InstanceView create(String actor, InstanceSpec spec, boolean start) {
    Validated v = validate(spec);
    Instant now = d.clock().instant();
    Row row =
        new Row(
            ids.next(),
            spec.accountId(),
            spec.name().isEmpty() ? v.type().factory().descriptor().name() : spec.name(),
            spec.strategyType(),
            v.type().service().pluginId(),
            v.type().service().pluginVersion(),
            spec.instruments(),
            spec.timeframe(),
            text(v.parameters()),
            start ? InstanceState.RUNNING : InstanceState.STOPPED,
            "",
            actor,
            now,
            now);
    store.insert(row);
    Live live = new Live(row);
    instances.put(row.id(), live);
    audit(actor, "STRATEGY_CREATED", row, Map.of("type", row.strategyType()));
    LOG.atInfo()
        .addKeyValue("instance", row.id())
        .addKeyValue("type", row.strategyType())
        .addKeyValue("account", row.accountId())
        .addKeyValue("actor", actor)
        .log("strategy instance created");
    if (start) {
      synchronized (live) {
        launch(live);
      }
    }
    return view(live);
  }

  /**
   * Changes an instance's name, instruments, timeframe and parameters. A running instance starts
   * again with the new settings (and fresh history).
   *
   * @throws StrategyException as {@link #create}; INVALID when the account would change
   */
  public InstanceView update(String actor, String id, InstanceSpec spec) {
    Live live = require(id);
    if (spec.accountId() != live.row.accountId()) {
      throw new StrategyException(
          Reason.INVALID,
          "accountId",
          "an instance's account cannot change (it is "
              + live.row.accountId()
              + "); create a new one");
    }
    if (!spec.strategyType().equals(live.row.strategyType())) {
      throw new StrategyException(
          Reason.INVALID,
          "strategyType",
          "an instance's strategy type cannot change (it is "
              + live.row.strategyType()
              + "); create a new one");
    }
    Validated v = validate(spec);
    Future<?> stopped;
    synchronized (live) {
      requireLive(live);
      Row old = live.row;
      stopped = endSession(live);
      Row row =
          new Row(
              old.id(),
              old.accountId(),
              spec.name().isEmpty() ? old.name() : spec.name(),
              old.strategyType(),
              v.type().service().pluginId(),
              v.type().service().pluginVersion(),
              spec.instruments(),
              spec.timeframe(),
              text(v.parameters()),
              old.state(),
              old.lastError(),
              old.createdBy(),
              old.createdAt(),
              d.clock().instant());
      store.update(row);
      live.row = row;
      audit(actor, "STRATEGY_UPDATED", row, Map.of("parameters", row.parameters().toString()));
    }
    await(stopped, live);
    synchronized (live) {
      if (live.row.state() == InstanceState.RUNNING && live.session == null) {
        launch(live);
      }
    }
    return view(live);
  }

  /**
   * Starts a paused or stopped instance.
   *
   * @throws StrategyException CONFLICT when it runs already or its strategy type is not installed,
   *     INVALID when its parameters no longer fit the installed strategy type
   */
  public InstanceView start(String actor, String id) {
    Live live = require(id);
    synchronized (live) {
      requireLive(live);
      Row row = live.row;
      if (row.state() == InstanceState.RUNNING) {
        throw StrategyException.conflict("instance " + id + " is already running");
      }
      TypeEntry type = types.get(row.strategyType());
      if (type == null) {
        throw StrategyException.conflict(
            "strategy type '"
                + row.strategyType()
                + "' is not installed; install its plugin, then start the instance");
      }
      resolve(type, row.parameters()); // INVALID naming the parameter: the trader changes it
      live.row = row.withState(InstanceState.RUNNING, "", d.clock().instant());
      store.update(live.row);
      audit(actor, "STRATEGY_STARTED", live.row, Map.of());
      launch(live);
    }
    return view(live);
  }

  /**
   * Pauses a running instance: no more bars or signals until it is started again.
   *
   * @throws StrategyException CONFLICT unless it is running
   */
  public InstanceView pause(String actor, String id) {
    return halt(actor, id, InstanceState.PAUSED, "STRATEGY_PAUSED");
  }

  /**
   * Stops an instance (running or paused).
   *
   * @throws StrategyException CONFLICT when it is stopped already
   */
  public InstanceView stop(String actor, String id) {
    return halt(actor, id, InstanceState.STOPPED, "STRATEGY_STOPPED");
  }

  private InstanceView halt(String actor, String id, InstanceState to, String action) {
    Live live = require(id);
    Future<?> stopped;
    synchronized (live) {
      requireLive(live);
      Row row = live.row;
      if (row.state() == to
          || (to == InstanceState.PAUSED && row.state() != InstanceState.RUNNING)) {
        throw StrategyException.conflict(
            "instance "
                + id
                + " is "
                + row.state()
                + "; only a running instance can be "
                + verb(to));
      }
      stopped = endSession(live);
      live.row = row.withState(to, "", d.clock().instant());
      live.detail = "";
      store.update(live.row);
      audit(actor, action, live.row, Map.of());
    }
    await(stopped, live);
    LOG.atInfo()
        .addKeyValue("instance", id)
        .addKeyValue("actor", actor)
        .log("strategy " + verb(to));
    return view(live);
  }

  private static String verb(InstanceState to) {
    return to == InstanceState.PAUSED ? "paused" : "stopped";
  }

  /** Deletes an instance (stopping it first); its signals stay stored. */
  public void delete(String actor, String id) {
    Live live = require(id);
    Future<?> stopped;
    synchronized (live) {
      requireLive(live);
      stopped = endSession(live);
      store.delete(id, d.clock().instant());
      instances.remove(id);
      audit(actor, "STRATEGY_DELETED", live.row, Map.of());
    }
    await(stopped, live);
  }

  /**
   * A plugin was removed (uninstalled, or failed and is not running): running instances waiting for
   * a strategy type it provided are paused with the reason.
   */
  public void pluginRemoved(String pluginId) {
    for (Live live : instances.values()) {
      synchronized (live) {
        Row row = live.row;
        if (row.state() == InstanceState.RUNNING
            && live.session == null
            && row.pluginId().equals(pluginId)
            && !types.containsKey(row.strategyType())) {
          pauseWithError(
              live,
              "strategy plugin "
                  + pluginId
                  + " was removed; install a plugin providing '"
                  + row.strategyType()
                  + "' and start the instance again");
        }
      }
    }
  }

  // ---- running ----

  /** Starts the RUNNING instances that have no session (after start-up). */
  private void recover() {
    for (Live live : instances.values()) {
      synchronized (live) {
        if (live.row.state() == InstanceState.RUNNING && live.session == null) {
          launch(live);
        }
      }
    }
  }

  /**
   * Starts a session for a RUNNING instance. Caller holds the instance's lock and has ended any
   * earlier session. Waits (detail) when its type is not installed; pauses it when its parameters
   * no longer fit.
   */
  private void launch(Live live) {
    Row row = live.row;
    TypeEntry type = types.get(row.strategyType());
    if (type == null) {
      live.detail =
          "waiting for strategy type '" + row.strategyType() + "': no installed plugin provides it";
      LOG.atWarn().addKeyValue("instance", row.id()).log(live.detail);
      return;
    }
    Parameters parameters;
    try {
      parameters = resolve(type, row.parameters());
    } catch (StrategyException e) {
      pauseWithError(
          live,
          "its parameters do not fit strategy type '"
              + row.strategyType()
              + "' of plugin "
              + type.plugin()
              + ": "
              + e.getMessage());
      return;
    }
    if (!type.service().pluginId().equals(row.pluginId())
        || !type.service().pluginVersion().equals(row.pluginVersion())) {
      live.row = row.withPlugin(type.service().pluginId(), type.service().pluginVersion());
      store.update(live.row);
      row = live.row;
    }
    Row running = row;
    Session session =
        new Session(
            row.id(),
            type.service(),
            sink ->
                new StrategyRunner(
                    spec(running, type.factory(), parameters),
                    new StrategyRunner.Limits(config.maximumBarCount(), config.timeBudget()),
                    d.clock(),
                    sink),
            events(live),
            config.maxQueuedBars());
    live.session = session;
    live.detail = "";
    rebuildRoutes();
    session.start(() -> history(running, session.runner().timeframes()));
    LOG.atInfo()
        .addKeyValue("instance", row.id())
        .addKeyValue("type", row.strategyType())
        .addKeyValue("plugin", type.plugin())
        .addKeyValue("instruments", row.instruments().size())
        .log("strategy instance starting");
  }

  private Session.Events events(Live live) {
    return new Session.Events() {
      @Override
      public void signal(Session session, Signal signal) {
        handle(live, signal);
      }

      @Override
      public void failed(Session session, String reason, Throwable cause) {
        synchronized (live) {
          if (live.session != session) {
            return;
          }
          live.session = null;
          rebuildRoutes();
          session.end(); // on its own thread: do not wait for itself
          LOG.atWarn()
              .addKeyValue("instance", live.row.id())
              .addKeyValue("type", live.row.strategyType())
              .setCause(cause)
              .log("strategy instance paused: " + reason);
          pauseWithError(live, reason);
        }
      }

      @Override
      public void started(Session session) {
        LOG.atInfo()
            .addKeyValue("instance", live.row.id())
            .addKeyValue("bars", session.runner().stats().bars())
            .log("strategy instance running");
      }
    };
  }

  /** A signal: route it to the rules and the order path, store it, stream it. Never throws. */
  private void handle(Live live, Signal signal) {
    long accountId = live.row.accountId();
    RoutedSignal routed = d.router().route(accountId, signal);
    LOG.atInfo()
        .addKeyValue("instance", signal.strategyInstanceId())
        .addKeyValue("instrument", signal.instrument())
        .addKeyValue("action", signal.action())
        .addKeyValue("outcome", routed.outcome())
        .addKeyValue("order", routed.orderId())
        .addKeyValue("rule", routed.rule())
        .log("strategy signal " + routed.outcome().name().toLowerCase(java.util.Locale.ROOT));
    Optional<StoredSignal> stored;
    try {
      stored = store.insertSignal(accountId, routed, d.clock().instant());
    } catch (RuntimeException e) {
      LOG.atError()
          .addKeyValue("instance", signal.strategyInstanceId())
          .setCause(e)
          .log("could not store a signal (its order, if any, is in the order journal)");
      return;
    }
    stored.ifPresent(
        s -> {
          try {
            d.listener().published(s);
          } catch (RuntimeException e) {
            LOG.atWarn().setCause(e).log("signal listener failed");
          }
        });
  }

  /** Pauses an instance the platform had to stop. Caller holds its lock; its session has ended. */
  private void pauseWithError(Live live, String reason) {
    live.row = live.row.withState(InstanceState.PAUSED, reason, d.clock().instant());
    live.detail = "";
    try {
      store.update(live.row);
    } catch (RuntimeException e) {
      LOG.atError()
          .addKeyValue("instance", live.row.id())
          .setCause(e)
          .log("could not store that a strategy instance was paused; it stays paused on this node");
    }
    audit(AuditRecord.SYSTEM, "STRATEGY_PAUSED", live.row, Map.of("reason", reason));
  }

  /** Ends the instance's session, if any. Caller holds its lock; wait for the result outside it. */
  private Future<?> endSession(Live live) {
    Session session = live.session;
    if (session == null) {
      return null;
    }
    live.session = null;
    rebuildRoutes();
    return session.end();
  }

  private static void await(Future<?> stopped, Live live) {
    if (stopped == null) {
      return;
    }
    try {
      stopped.get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.atWarn()
          .addKeyValue("instance", live.row.id())
          .log("strategy did not stop within " + STOP_WAIT.toMillis() + " ms; left behind");
    }
  }

  private void onBar(Bar bar) {
    List<Live> interested = routes.get(bar.instrument());
    if (interested == null) {
      return;
    }
    for (Live live : interested) {
      Session session = live.session;
      if (session != null && session.runner().reads(bar.instrument(), bar.timeframe())) {
        session.offer(bar);
      }
    }
  }

  private void rebuildRoutes() {
    synchronized (routesLock) {
      Map<InstrumentId, List<Live>> next = new HashMap<>();
      for (Live live : instances.values()) {
        if (live.session != null) {
          for (InstrumentId instrument : live.row.instruments()) {
            next.computeIfAbsent(instrument, k -> new ArrayList<>()).add(live);
          }
        }
      }
      Map<InstrumentId, List<Live>> frozen = new HashMap<>();
      next.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
      routes = Map.copyOf(frozen);
    }
  }

  /** Pauses instances whose {@code onBar} does not return. */
  private void watch() {
    long now = System.nanoTime();
    for (Live live : instances.values()) {
      Session session = live.session;
      if (session == null) {
        continue;
      }
      long since = session.busySince();
      if (since != 0 && now - since > hangNanos) {
        synchronized (live) {
          if (live.session != session) {
            continue;
          }
          live.session = null;
          rebuildRoutes();
          session.abandon();
          String reason =
              "onBar did not return within "
                  + Duration.ofNanos(hangNanos).toMillis()
                  + " ms; the instance was paused and its call abandoned";
          LOG.atWarn().addKeyValue("instance", live.row.id()).log(reason);
          pauseWithError(live, reason);
        }
      }
    }
  }

  private List<Bar> history(Row row, Set<Timeframe> timeframes) {
    if (config.historyBars() == 0) {
      return List.of();
    }
    Instant now = d.clock().instant();
    List<Bar> bars = new ArrayList<>();
    for (InstrumentId instrument : row.instruments()) {
      for (Timeframe timeframe : timeframes) {
        bars.addAll(d.history().last(instrument, timeframe, config.historyBars(), now));
      }
    }
    return bars;
  }

  // ---- plugins ----

  private void factoryAdded(PluginService<StrategyFactory> service) {
    String typeId;
    try {
      typeId = service.service().descriptor().id();
    } catch (RuntimeException e) {
      LOG.atWarn()
          .addKeyValue("plugin", service.pluginId())
          .setCause(e)
          .log("strategy plugin's descriptor failed; its strategy type is not offered");
      return;
    }
    TypeEntry entry = new TypeEntry(typeId, service);
    services.put(service.serviceId(), entry);
    TypeEntry previous = types.put(typeId, entry);
    if (previous != null && !previous.service().pluginId().equals(service.pluginId())) {
      LOG.atWarn()
          .addKeyValue("type", typeId)
          .addKeyValue("plugin", service.pluginId())
          .addKeyValue("previous", previous.service().pluginId())
          .log("two plugins provide the same strategy type; the newest is used");
    }
    LOG.atInfo()
        .addKeyValue("type", typeId)
        .addKeyValue("plugin", entry.plugin())
        .log("strategy type available");
    control.execute(() -> adopt(typeId));
  }

  /** Moves the running instances of {@code typeId} onto the type's current factory. */
  private void adopt(String typeId) {
    for (Live live : instances.values()) {
      Future<?> stopped;
      synchronized (live) {
        TypeEntry current = types.get(typeId);
        Session session = live.session;
        if (current == null
            || !live.row.strategyType().equals(typeId)
            || live.row.state() != InstanceState.RUNNING
            || (session != null
                && session.service().serviceId() == current.service().serviceId())) {
          continue;
        }
        stopped = endSession(live);
      }
      await(stopped, live);
      synchronized (live) {
        if (live.row.state() == InstanceState.RUNNING && live.session == null) {
          launch(live);
        }
      }
    }
  }

  private void factoryRemoved(PluginService<StrategyFactory> service) {
    TypeEntry entry = services.remove(service.serviceId());
    if (entry == null) {
      return;
    }
    if (types.remove(entry.typeId(), entry)) {
      // another plugin may still provide the type
      services.values().stream()
          .filter(e -> e.typeId().equals(entry.typeId()))
          .max(Comparator.comparingLong(e -> e.service().serviceId()))
          .ifPresent(
              other -> {
                types.put(other.typeId(), other);
                control.execute(() -> adopt(other.typeId()));
              });
    }
    // the plugin's classes must not run after we return: end its sessions and wait for them
    List<Future<?>> stopping = new ArrayList<>();
    List<Live> affected = new ArrayList<>();
    for (Live live : instances.values()) {
      synchronized (live) {
        Session session = live.session;
        if (session != null && session.service().serviceId() == service.serviceId()) {
          stopping.add(endSession(live));
          affected.add(live);
          live.detail = "strategy plugin " + entry.plugin() + " stopped (being updated or removed)";
        }
      }
    }
    for (int i = 0; i < stopping.size(); i++) {
      await(stopping.get(i), affected.get(i));
    }
    LOG.atInfo()
        .addKeyValue("type", entry.typeId())
        .addKeyValue("plugin", entry.plugin())
        .addKeyValue("instances", affected.size())
        .log("strategy type withdrawn");
  }

  // ---- validation ----

  private Validated validate(InstanceSpec spec) {
    TypeEntry type = types.get(spec.strategyType());
    if (type == null) {
      throw StrategyException.notFound(
          "unknown strategy type '"
              + spec.strategyType()
              + "'; installed: "
              + (types.isEmpty()
                  ? "none"
                  : String.join(", ", types.keySet().stream().sorted().toList())));
    }
    if (spec.name().length() > 100) {
      throw new StrategyException(Reason.INVALID, "name", "name is longer than 100 characters");
    }
    if (spec.instruments().isEmpty()) {
      throw new StrategyException(
          Reason.INVALID, "instruments", "instruments must name at least one, e.g. NSE:INFY");
    }
    if (spec.instruments().size() > MAX_INSTRUMENTS) {
      throw new StrategyException(
          Reason.INVALID,
          "instruments",
          "an instance trades at most "
              + MAX_INSTRUMENTS
              + " instruments, got "
              + spec.instruments().size());
    }
    Set<InstrumentId> seen = new HashSet<>();
    for (InstrumentId instrument : spec.instruments()) {
      if (!seen.add(instrument)) {
        // the runner keeps one series per instrument: a second entry would be shown, not traded
        throw new StrategyException(Reason.INVALID, "instruments", instrument + " is listed twice");
      }
      if (d.instruments().apply(instrument).isEmpty()) {
        throw StrategyException.notFound("unknown instrument " + instrument);
      }
    }
    Parameters parameters = resolve(type, spec.parameters());
    // a trial create: some settings only fail there (a range that is no whole number of bars)
    StrategyRunner trial =
        new StrategyRunner(
            new StrategyRunner.Spec(
                "trial",
                new AccountRef(Long.toString(spec.accountId())),
                type.factory(),
                parameters,
                spec.instruments(),
                spec.timeframe()),
            new StrategyRunner.Limits(2, Duration.ZERO),
            d.clock(),
            SignalSink.NONE);
    if (!trial.start()) {
      StrategyRunner.Failure failure = trial.failure().orElseThrow();
      if (failure.cause() instanceof ParameterException p) {
        throw new StrategyException(Reason.INVALID, "parameters." + p.parameter(), p.getMessage());
      }
      throw new StrategyException(
          Reason.UNPROCESSABLE,
          "",
          "strategy type '"
              + spec.strategyType()
              + "' cannot run on "
              + spec.timeframe().label()
              + " bars with these settings: "
              + (failure.cause() == null ? failure.message() : failure.cause().getMessage()));
    }
    trial.stop();
    return new Validated(type, parameters);
  }

  /** Resolves text values against the type's parameters and asks the factory to accept them. */
  private static Parameters resolve(TypeEntry type, Map<String, String> given) {
    try {
      Parameters parameters = Parameters.resolve(type.factory().descriptor().parameters(), given);
      type.factory().validate(parameters);
      return parameters;
    } catch (ParameterException e) {
      throw new StrategyException(Reason.INVALID, "parameters." + e.parameter(), e.getMessage());
    } catch (RuntimeException e) {
      throw new StrategyException(
          Reason.UNPROCESSABLE,
          "parameters",
          "strategy plugin " + type.plugin() + " failed checking the parameters: " + e);
    }
  }

  private static Map<String, String> text(Parameters parameters) {
    Map<String, String> text = new LinkedHashMap<>();
    parameters.asMap().forEach((k, v) -> text.put(k, String.valueOf(v)));
    return text;
  }

  private static StrategyRunner.Spec spec(Row row, StrategyFactory factory, Parameters parameters) {
    return new StrategyRunner.Spec(
        row.id(),
        new AccountRef(Long.toString(row.accountId())),
        factory,
        parameters,
        row.instruments(),
        row.timeframe());
  }

  private Live require(String id) {
    Live live = id == null ? null : instances.get(id);
    if (live == null) {
      throw StrategyException.notFound("no strategy instance " + id);
    }
    return live;
  }

  /** Fails when the instance was deleted while the caller waited for its lock. */
  private void requireLive(Live live) {
    if (instances.get(live.row.id()) != live) {
      throw StrategyException.notFound("no strategy instance " + live.row.id());
    }
  }

  private InstanceView view(Live live) {
    Row row;
    Session session;
    String detail;
    synchronized (live) {
      row = live.row;
      session = live.session;
      detail = live.detail;
    }
    String status =
        switch (row.state()) {
          case RUNNING -> session == null ? WAITING : session.started() ? "RUNNING" : STARTING;
          case PAUSED -> "PAUSED";
          case STOPPED -> "STOPPED";
        };
    StrategyRunner.Stats stats = session == null ? null : session.runner().stats();
    return new InstanceView(
        row.id(),
        row.accountId(),
        row.name(),
        row.strategyType(),
        row.pluginId(),
        row.pluginVersion(),
        row.instruments(),
        row.timeframe(),
        row.parameters(),
        row.state(),
        status,
        row.lastError(),
        detail,
        stats == null ? 0 : stats.bars(),
        stats == null ? 0 : stats.signals(),
        row.createdBy(),
        row.createdAt(),
        row.updatedAt());
  }

  private void audit(String actor, String action, Row row, Map<String, String> detail) {
    Map<String, String> all = new LinkedHashMap<>(detail);
    all.put("account", Long.toString(row.accountId()));
    all.put("state", row.state().name());
    try {
      d.audit().append(new AuditRecord(actor, action, "strategy", row.id(), all));
    } catch (RuntimeException e) {
      LOG.atError().addKeyValue("instance", row.id()).setCause(e).log("audit append failed");
    }
  }

  /**
   * Stops every instance's thread (their stored state stays, so RUNNING instances start again with
   * the node) and stops tracking bars and plugins.
   */
  @Override
  public void close() {
    BarEvents.Subscription bars = subscription;
    if (bars != null) {
      bars.close();
    }
    d.factories().removeListener(factoryListener);
    watchdog.shutdownNow();
    control.shutdownNow();
    List<Future<?>> stopping = new ArrayList<>();
    List<Live> lives = new ArrayList<>();
    for (Live live : instances.values()) {
      synchronized (live) {
        Future<?> f = endSession(live);
        if (f != null) {
          stopping.add(f);
          lives.add(live);
        }
      }
    }
    for (int i = 0; i < stopping.size(); i++) {
      await(stopping.get(i), lives.get(i));
    }
    LOG.atInfo()
        .addKeyValue("instances", instances.size())
        .log(
            "strategy runtime stopped; "
                + instances.values().stream()
                    .filter(l -> l.row.state() == InstanceState.RUNNING)
                    .map(l -> l.row.id())
                    .collect(Collectors.joining(", ", "running again at the next start: [", "]")));
  }
}
