package com.sharewise.orders.algo;

import com.sharewise.api.market.Instrument;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Ist;
import com.sharewise.api.market.QuoteSource;
import com.sharewise.api.trading.OrderStatus;
import com.sharewise.orders.AccountFill;
import com.sharewise.orders.Algorithm;
import com.sharewise.orders.ExecutionAlgorithms;
import com.sharewise.orders.Order;
import com.sharewise.orders.OrderCommand;
import com.sharewise.orders.OrderException;
import com.sharewise.orders.OrderListener;
import com.sharewise.orders.OrderService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's {@link ExecutionAlgorithms}: works BRACKET, TRAILING_STOP, ICEBERG, TWAP and VWAP
 * parent orders by placing children through {@link OrderService#placeChild}, so each child passes
 * the same validation, kill switches, rules, journal and broker as any order. See {@code
 * docs/orders.md} ("Execution algorithms") for each algorithm's parameters and behaviour.
 *
 * <h2>Parent bookkeeping</h2>
 *
 * Every fill of a child is booked on its parent with {@link OrderService#parentFilled} (for a
 * bracket only the entry's), so the parent's filled quantity and average price are its children's.
 * When an algorithm is done it finishes the parent with {@link OrderService#finishParent}, unless
 * the fills already made it FILLED.
 *
 * <h2>Threading</h2>
 *
 * The order service calls {@link #childChanged} and the {@link OrderListener} methods on whatever
 * thread changed an order, possibly with that order locked; {@link #start} and {@link #cancel} come
 * from request threads. None of them does any work there: each hands a task to the engine's serial
 * executor (one task at a time, in submission order, on {@link Dependencies#executor()}), and all
 * per-parent state is confined to it. Scheduled slices and quotes go through the same executor. So
 * the engine never calls the order service from inside its callbacks, and never re-entrantly.
 *
 * <h2>Restart</h2>
 *
 * {@link #resume} rebuilds the algorithms of parents found in the journal from their children
 * (which carry their role in their client order id, {@code <parent id>:<role>}) and continues them:
 * the schedule of a TWAP or VWAP from its start time and the slices placed; an iceberg from its
 * legs; a bracket from its entry and exits; a trailing stop from its child (subscribing to quotes
 * again). Fills a child booked that its parent missed are booked on the parent. Not resumed: slice
 * timers missed while the node was down fire once, together, at resume; a quote that moved a
 * trailing stop while the node was down is only seen at the next quote; an exit that was refused
 * before the restart is tried again.
 */
public final class AlgorithmEngine implements ExecutionAlgorithms, OrderListener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AlgorithmEngine.class);

  private static final Set<String> ANY_ALGORITHM_PARAMETERS =
      Collections.unmodifiableSet(
          new TreeSet<>(
              Stream.of(
                      BracketSpec.PARAMETERS,
                      TrailSpec.PARAMETERS,
                      IcebergSpec.PARAMETERS,
                      SliceSpec.VWAP_PARAMETERS)
                  .flatMap(Set::stream)
                  .toList()));

  /**
   * What the engine needs besides the order service.
   *
   * @param clock the platform clock (simulated in backtests)
   * @param instruments reference data (lot and tick sizes)
   * @param quotes quotes, for trailing stops and bracket checks
   * @param scheduler runs slices on time: {@link ExecutorAlgoScheduler} live, {@link
   *     SimulatedScheduler} in backtests
   * @param volumes the intraday volume profile for VWAP, e.g. {@link BarVolumeProfile}
   * @param executor where the engine's work runs, one task at a time: live a single-thread executor
   *     the caller owns; in backtests and tests the {@link SimulatedScheduler}
   */
  public record Dependencies(
      Clock clock,
      Function<InstrumentId, Optional<Instrument>> instruments,
      QuoteSource quotes,
      AlgoScheduler scheduler,
      VolumeProfile volumes,
      Executor executor) {}

  private final OrderService orders;
  private final Dependencies d;
  private final SerialExecutor serial;
  private final WorkerContext ctx;

  /** Parents being cancelled: no child may be placed for them any more. */
  private final Set<String> stopped = ConcurrentHashMap.newKeySet();

  /** The parents being worked, by id. Confined to {@link #serial}. */
  private final Map<String, Worker> workers = new HashMap<>();

  /**
   * Creates an engine for {@code orders} and listens to its fills. Use {@link #factory} to build
   * the order service with it.
   */
  public AlgorithmEngine(OrderService orders, Dependencies dependencies) {
    this.orders = orders;
    this.d = dependencies;
    this.serial = new SerialExecutor(dependencies.executor());
    this.ctx = new WorkerContext(orders, dependencies, serial, stopped);
    orders.addListener(this);
  }

  /** For {@link OrderService.Dependencies#algorithms()}. */
  public static Function<OrderService, ExecutionAlgorithms> factory(Dependencies dependencies) {
    return service -> new AlgorithmEngine(service, dependencies);
  }

  @Override
  public void validate(OrderCommand command) {
    if (command.algorithm() == Algorithm.DIRECT) {
      // a workflow rule may still pick an algorithm for it, which then reads these: only names
      // some algorithm knows (a typo, or anything else, would be journaled and never read)
      for (String name : command.algorithmParameters().keySet()) {
        if (!ANY_ALGORITHM_PARAMETERS.contains(name)) {
          throw new OrderException(
              OrderException.Reason.INVALID,
              "'"
                  + name
                  + "' is not a parameter of any execution algorithm; they take "
                  + ANY_ALGORITHM_PARAMETERS);
        }
      }
      return;
    }
    Instrument instrument =
        d.instruments()
            .apply(command.instrument())
            .orElseThrow(
                () ->
                    new OrderException(
                        OrderException.Reason.NOT_FOUND,
                        "unknown instrument " + command.instrument()));
    Terms terms = Terms.of(command);
    switch (command.algorithm()) {
      case BRACKET -> BracketSpec.parse(terms, instrument, d.quotes().latest(terms.instrument()));
      case TRAILING_STOP -> TrailSpec.parse(terms);
      case ICEBERG -> IcebergSpec.parse(terms, instrument);
      case TWAP, VWAP -> SliceSpec.parse(terms);
      default -> throw new IllegalStateException("no algorithm " + command.algorithm());
    }
  }

  @Override
  public void start(Order parent) {
    serial.execute(() -> begin(parent, null));
  }

  @Override
  public void childChanged(Order parent, Order child) {
    serial.execute(() -> onChild(parent.id(), child));
  }

  @Override
  public void cancel(Order parent) {
    // at once, so a slice due right now cannot place a child after the service cancelled the rest
    stopped.add(parent.id());
    serial.execute(
        () -> {
          Worker worker = workers.remove(parent.id());
          if (worker != null) {
            worker.release();
            LOG.atInfo()
                .addKeyValue("parent", parent.id())
                .addKeyValue("algorithm", parent.algorithm())
                .log("execution algorithm stopped: the parent was cancelled");
          }
          stopped.remove(parent.id());
        });
  }

  @Override
  public void filled(AccountFill fill) {
    serial.execute(() -> onFill(fill));
  }

  /**
   * Continues the algorithms of parents read from the journal after a restart ({@link
   * OrderService#recover} calls it). Takes any parents and children; it works those parents that
   * are not final, and brackets whose exits still need it.
   *
   * @param parents parent orders (others are ignored)
   * @param children their children (others are ignored)
   */
  @Override
  public void resume(List<Order> parents, List<Order> children) {
    Map<String, List<Order>> byParent =
        children.stream().filter(Order::isChild).collect(Collectors.groupingBy(Order::parentId));
    serial.execute(
        () -> {
          for (Order parent : parents) {
            List<Order> kids = byParent.getOrDefault(parent.id(), List.of());
            if (!parent.isParent() || !needsWork(parent, kids)) {
              continue;
            }
            LOG.atInfo()
                .addKeyValue("parent", parent.id())
                .addKeyValue("algorithm", parent.algorithm())
                .addKeyValue("children", kids.size())
                .log("resuming execution algorithm");
            bookMissedFills(parent, kids);
            begin(orders.find(parent.id()).orElse(parent), kids);
          }
        });
  }

  /**
   * Stops every worker (timers, quote subscriptions) and stops listening. Parents stay as they are.
   */
  @Override
  public void close() {
    orders.removeListener(this);
    serial.execute(
        () -> {
          workers.values().forEach(Worker::release);
          workers.clear();
        });
  }

  // ---- on the serial executor ----

  private void begin(Order parent, List<Order> found) {
    if (stopped.contains(parent.id()) || workers.containsKey(parent.id())) {
      return;
    }
    Worker worker;
    try {
      worker = create(parent);
    } catch (OrderException e) {
      // a workflow rule chose an algorithm whose parameters the order does not have
      ctx.finish(parent.id(), OrderStatus.REJECTED, e.getMessage());
      return;
    }
    workers.put(parent.id(), worker);
    LOG.atInfo()
        .addKeyValue("parent", parent.id())
        .addKeyValue("algorithm", parent.algorithm())
        .addKeyValue("quantity", parent.quantity())
        .log(found == null ? "execution algorithm started" : "execution algorithm resumed");
    if (found == null) {
      worker.start();
    } else {
      worker.resume(found);
    }
    retireIfDone(worker);
  }

  private Worker create(Order parent) {
    Instrument instrument = ctx.instrument(parent.instrument());
    Terms terms = Terms.of(parent);
    return switch (parent.algorithm()) {
      case BRACKET ->
          new BracketWorker(ctx, parent, BracketSpec.parse(terms, instrument, Optional.empty()));
      case TRAILING_STOP -> new TrailingStopWorker(ctx, parent, TrailSpec.parse(terms));
      case ICEBERG -> new IcebergWorker(ctx, parent, IcebergSpec.parse(terms, instrument));
      case TWAP, VWAP -> new SliceWorker(ctx, parent, SliceSpec.parse(terms));
      case DIRECT -> throw new IllegalArgumentException(parent.id() + " is not a parent order");
    };
  }

  private void onChild(String parentId, Order reported) {
    Worker worker = workers.get(parentId);
    if (worker == null) {
      return;
    }
    // the report may be older than another already handled: work on the child as it is now
    worker.childChanged(ctx.current(reported));
    retireIfDone(worker);
  }

  private void retireIfDone(Worker worker) {
    if (worker.done()) {
      workers.remove(worker.parent.id());
      worker.release();
    }
  }

  private void onFill(AccountFill fill) {
    Optional<Order> child = orders.find(fill.orderId()).filter(Order::isChild);
    if (child.isEmpty()) {
      return;
    }
    Optional<Order> parent = orders.find(child.get().parentId());
    if (parent.isPresent() && bookedOnParent(parent.get(), child.get())) {
      orders.parentFilled(parent.get().id(), fill.fill());
    }
  }

  /** A bracket's parent shows its entry; every other parent shows all its children. */
  private static boolean bookedOnParent(Order parent, Order child) {
    return parent.algorithm() != Algorithm.BRACKET
        || Worker.role(child).equals(BracketWorker.ENTRY);
  }

  private boolean needsWork(Order parent, List<Order> kids) {
    if (!parent.status().isFinal()) {
      return true;
    }
    if (parent.algorithm() != Algorithm.BRACKET) {
      return false;
    }
    if (kids.stream().anyMatch(k -> !k.status().isFinal())) {
      return true;
    }
    // exits never placed because the node stopped right after the entry filled (today only)
    boolean entered = kids.stream().anyMatch(k -> isEntry(k) && k.filledQuantity() > 0);
    boolean exits = kids.stream().anyMatch(k -> !isEntry(k));
    LocalDate today = LocalDate.ofInstant(d.clock().instant(), Ist.ZONE);
    return entered && !exits && LocalDate.ofInstant(parent.updatedAt(), Ist.ZONE).equals(today);
  }

  private static boolean isEntry(Order child) {
    return Worker.role(child).equals(BracketWorker.ENTRY);
  }

  /** Books on the parent any child fill it missed (the node stopped in between). */
  private void bookMissedFills(Order parent, List<Order> kids) {
    long booked =
        kids.stream().filter(k -> bookedOnParent(parent, k)).mapToLong(Order::filledQuantity).sum();
    if (booked <= parent.filledQuantity()) {
      return;
    }
    kids.stream()
        .filter(k -> k.filledQuantity() > 0 && bookedOnParent(parent, k))
        .forEach(ctx::reportFills);
  }
}
