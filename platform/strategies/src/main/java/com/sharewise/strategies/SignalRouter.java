package com.sharewise.strategies;

import com.sharewise.api.market.Instrument;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.strategy.Signal;
import com.sharewise.api.trading.OrderSide;
import com.sharewise.api.trading.OrderStatus;
import com.sharewise.api.trading.OrderType;
import com.sharewise.api.trading.Product;
import com.sharewise.api.trading.Validity;
import com.sharewise.orders.Algorithm;
import com.sharewise.orders.Order;
import com.sharewise.orders.OrderCommand;
import com.sharewise.orders.OrderException;
import com.sharewise.orders.OrderService;
import com.sharewise.rules.SignalGate;
import com.sharewise.rules.SignalVerdict;
import com.sharewise.rules.model.OrderIntent;
import com.sharewise.rules.model.PriceType;
import com.sharewise.rules.model.Side;
import com.sharewise.rules.model.SignalAction;
import com.sharewise.rules.model.SignalFact;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a strategy's signal into an order: the signal rules ({@link SignalGate}) decide whether and
 * how much, then the one order path ({@link OrderService#submit}) validates it, checks the kill
 * switches, asks the risk rules and sends it. Used live and by backtests (with an in-memory order
 * path and simulated clock).
 *
 * <h2>Idempotent</h2>
 *
 * The order's client order id is derived from the signal ({@link #clientOrderId}), so a signal
 * routed twice (replayed after a restart, routed by two nodes) gives one order: the order path
 * answers the second time with the first order.
 *
 * <h2>Fail closed</h2>
 *
 * {@link #route} never throws: a failing rule engine, a refused order (kill switch, lot size,
 * unknown account) or any other exception gives a {@link RoutedSignal.Outcome#DROPPED} signal that
 * names the cause.
 *
 * <p>Thread-safe (its collaborators are).
 */
public final class SignalRouter {

  private static final Logger LOG = LoggerFactory.getLogger(SignalRouter.class);
  private static final char[] BASE32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

  /** Never used itself, only copied ({@link #sha256}), so it is never changed. */
  private static final MessageDigest SHA_256 = newSha256();

  /** The rule name of drops caused by the signal rules' engine itself. */
  public static final String SIGNAL_RULES = "signal-rules";

  /** The rule name of drops caused by the order path refusing the order. */
  public static final String ORDER_PATH = "order-path";

  private final SignalGate gate;
  private final OrderService orders;
  private final Function<InstrumentId, Optional<Instrument>> instruments;
  private final SignalFacts facts;

  /**
   * @param gate the signal rules
   * @param orders the order path
   * @param instruments reference data, to put a rule's limit price on the tick grid
   * @param facts what the signal rules see besides the signal
   */
  public SignalRouter(
      SignalGate gate,
      OrderService orders,
      Function<InstrumentId, Optional<Instrument>> instruments,
      SignalFacts facts) {
    this.gate = Objects.requireNonNull(gate, "gate");
    this.orders = Objects.requireNonNull(orders, "orders");
    this.instruments = Objects.requireNonNull(instruments, "instruments");
    this.facts = Objects.requireNonNull(facts, "facts");
  }

  /**
   * Routes one signal of a strategy instance trading for {@code accountId}. Never throws.
   *
   * @return the order placed (or placed before for the same signal), or why there is none
   */
  public RoutedSignal route(long accountId, Signal signal) {
    Objects.requireNonNull(signal, "signal");
    SignalVerdict verdict;
    try {
      verdict =
          gate.evaluate(fact(accountId, signal), facts.context(accountId, signal.instrument()));
    } catch (RuntimeException e) {
      LOG.atWarn()
          .addKeyValue("instance", signal.strategyInstanceId())
          .addKeyValue("instrument", signal.instrument())
          .setCause(e)
          .log("signal rules failed; signal dropped");
      return RoutedSignal.dropped(
          signal, "", SIGNAL_RULES, "the signal rules failed: " + StrategyRunner.describe(e));
    }
    if (verdict == null || verdict.intent() == null || verdict.intent().isEmpty()) {
      String reason =
          verdict == null || verdict.reason() == null || verdict.reason().isBlank()
              ? "no order intent from the signal rules"
              : verdict.reason();
      return RoutedSignal.dropped(
          signal,
          verdict == null ? "" : verdict.decisionId(),
          verdict == null ? SIGNAL_RULES : verdict.ruleName(),
          reason);
    }
    OrderIntent intent = verdict.intent().get();
    String decisionId = verdict.decisionId();
    if (intent.quantity() <= 0) {
      return RoutedSignal.dropped(
          signal, decisionId, SIGNAL_RULES, "the signal rules sized the order at 0 shares");
    }
    try {
      OrderService.Placement placement = orders.submit(command(accountId, signal, intent));
      Order order = placement.order();
      return ordered(signal, decisionId, order, placement.repeated());
    } catch (OrderException e) {
      LOG.atInfo()
          .addKeyValue("instance", signal.strategyInstanceId())
          .addKeyValue("instrument", signal.instrument())
          .addKeyValue("reason", e.reason())
          .log("order for a signal refused: " + e.getMessage());
      return RoutedSignal.dropped(
          signal, decisionId, ORDER_PATH + ":" + e.reason().name(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.atWarn()
          .addKeyValue("instance", signal.strategyInstanceId())
          .addKeyValue("instrument", signal.instrument())
          .setCause(e)
          .log("placing the order for a signal failed; signal dropped");
      return RoutedSignal.dropped(
          signal,
          decisionId,
          ORDER_PATH,
          "placing the order failed: " + StrategyRunner.describe(e));
    }
  }

  /**
   * The client order id (idempotency key) of the order for {@code signal}: the same for the same
   * instance, instrument, timeframe, action and bar time, 26 characters ({@code S-} and 24 of
   * Crockford base32 of a SHA-256), well within the order path's 64.
   */
  public static String clientOrderId(Signal signal) {
    String key =
        signal.strategyInstanceId()
            + '|'
            + signal.instrument()
            + '|'
            + signal.timeframe().label()
            + '|'
            + signal.action().name()
            + '|'
            + signal.time().toEpochMilli();
    byte[] hash = sha256().digest(key.getBytes(StandardCharsets.UTF_8));
    char[] id = new char[26];
    id[0] = 'S';
    id[1] = '-';
    // 24 characters × 5 bits = 120 bits of the hash
    int bit = 0;
    for (int i = 2; i < id.length; i++) {
      int value = 0;
      for (int b = 0; b < 5; b++, bit++) {
        value = (value << 1) | ((hash[bit >> 3] >> (7 - (bit & 7))) & 1);
      }
      id[i] = BASE32[value];
    }
    return new String(id);
  }

  /**
   * A fresh SHA-256 digest: a copy of one made once, since looking the algorithm up among the
   * security providers costs more than hashing the key.
   */
  private static MessageDigest sha256() {
    try {
      return (MessageDigest) SHA_256.clone();
    } catch (CloneNotSupportedException e) {
      return newSha256(); // a provider whose digest cannot be copied: look it up each time
    }
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** The signal as the signal rules see it. */
  static SignalFact fact(long accountId, Signal signal) {
    return new SignalFact(
        signal.strategyInstanceId(),
        Long.toString(accountId),
        signal.instrument().toString(),
        signal.timeframe().label(),
        SignalAction.valueOf(signal.action().name()),
        signal.price(),
        signal.reason(),
        signal.attributes());
  }

  private OrderCommand command(long accountId, Signal signal, OrderIntent intent) {
    OrderSide side =
        intent.side() == null
            ? signal.action().side()
            : intent.side() == Side.BUY ? OrderSide.BUY : OrderSide.SELL;
    boolean limit = intent.priceType() == PriceType.LIMIT && intent.limitPrice() > 0;
    return new OrderCommand(
        accountId,
        clientOrderId(signal),
        signal.instrument(),
        side,
        intent.quantity(),
        limit ? OrderType.LIMIT : OrderType.MARKET,
        limit ? onGrid(signal.instrument(), intent.limitPrice()) : null,
        null,
        Product.valueOf(intent.product().name()),
        Validity.DAY,
        Algorithm.DIRECT,
        Map.of(),
        signal.strategyInstanceId(),
        "strategy:" + signal.strategyInstanceId());
  }

  /** A rule's limit price on the instrument's tick grid (the order path refuses others). */
  private BigDecimal onGrid(InstrumentId instrument, double price) {
    Optional<Instrument> known = instruments.apply(instrument);
    if (known.isEmpty()) {
      return BigDecimal.valueOf(price); // the order path answers "unknown instrument"
    }
    BigDecimal tick = known.get().tickSize();
    return BigDecimal.valueOf(price)
        .divide(tick, 0, RoundingMode.HALF_EVEN)
        .multiply(tick)
        .stripTrailingZeros();
  }

  private static RoutedSignal ordered(
      Signal signal, String decisionId, Order order, boolean repeated) {
    String reason;
    String rule = "";
    if (repeated) {
      reason = "the order for this signal was placed before";
    } else if (order.status() == OrderStatus.REJECTED) {
      rule = order.decision().ruleName();
      reason = "order rejected: " + order.message();
    } else if (order.status() == OrderStatus.HELD) {
      rule = order.decision().ruleName();
      reason = "order held for approval: " + order.message();
    } else {
      reason = "";
    }
    return new RoutedSignal(
        signal, RoutedSignal.Outcome.ORDERED, order.id(), decisionId, rule, reason);
  }
}
