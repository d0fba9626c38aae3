package com.sharewise.strategies;

import static com.sharewise.strategies.TestBars.INFY;
import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Timeframe;
import com.sharewise.api.strategy.Signal;
import com.sharewise.api.strategy.SignalAction;
import com.sharewise.api.trading.OrderSide;
import com.sharewise.api.trading.OrderStatus;
import com.sharewise.api.trading.OrderType;
import com.sharewise.api.trading.Product;
import com.sharewise.orders.Order;
import com.sharewise.strategies.RoutedSignal.Outcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignalRouterTest {

  private static final Instant BAR_END = Instant.parse("2025-01-06T04:25:00Z");

  private final OrderDesk desk = new OrderDesk();
  private final ScriptedSignalGate gate = new ScriptedSignalGate();
  private final SignalRouter router =
      new SignalRouter(
          gate,
          desk.service,
          id -> Optional.ofNullable(OrderDesk.INSTRUMENTS.get(id)),
          new LiveSignalFacts(desk.accounts, desk.quotes, desk.portfolio, desk.clock, true));

  private static Signal signal(SignalAction action, Instant time) {
    return new Signal(
        "inst-1",
        INFY,
        Timeframe.M5,
        action,
        time,
        1523.4,
        "SMA(10) crossed above SMA(30)",
        Map.of("fastSma", "1520.1"));
  }

  @Test
  void anIntentFromTheSignalRulesBecomesAStrategyOrder() {
    RoutedSignal routed = router.route(OrderDesk.ACCOUNT, signal(SignalAction.ENTER_LONG, BAR_END));

    assertThat(routed.outcome()).isEqualTo(Outcome.ORDERED);
    assertThat(routed.decisionId()).isEqualTo("D1");
    Order order = desk.service.find(routed.orderId()).orElseThrow();
    assertThat(order.accountId()).isEqualTo(OrderDesk.ACCOUNT);
    assertThat(order.instrument()).isEqualTo(INFY);
    assertThat(order.side()).isEqualTo(OrderSide.BUY);
    assertThat(order.quantity()).isEqualTo(10);
    assertThat(order.type()).isEqualTo(OrderType.MARKET);
    assertThat(order.product()).isEqualTo(Product.MIS);
    assertThat(order.strategyId()).isEqualTo("inst-1");
    assertThat(order.createdBy()).isEqualTo("strategy:inst-1");
    assertThat(order.status()).isEqualTo(OrderStatus.OPEN);
    assertThat(desk.sent).hasSize(1);
    // what the signal rules were told
    assertThat(gate.asked.get(0).accountId()).isEqualTo("7");
    assertThat(gate.asked.get(0).instrument()).isEqualTo("NSE:INFY");
    assertThat(gate.asked.get(0).timeframe()).isEqualTo("5m");
    assertThat(gate.asked.get(0).attribute("fastSma")).isEqualTo("1520.1");
    assertThat(gate.contexts.get(0).account().broker()).isEqualTo("fake");
    assertThat(gate.contexts.get(0).position().quantity()).isZero();
  }

  @Test
  void theSameSignalRoutedTwiceGivesOneOrder() {
    Signal signal = signal(SignalAction.ENTER_LONG, BAR_END);

    RoutedSignal first = router.route(OrderDesk.ACCOUNT, signal);
    RoutedSignal again = router.route(OrderDesk.ACCOUNT, signal);

    assertThat(again.outcome()).isEqualTo(Outcome.ORDERED);
    assertThat(again.orderId()).isEqualTo(first.orderId());
    assertThat(again.reason()).contains("placed before");
    assertThat(desk.store.orders()).hasSize(1);
    assertThat(desk.sent).hasSize(1);
  }

  @Test
  void clientOrderIdsAreDeterministicAndDifferPerBarInstrumentAndAction() {
    Signal signal = signal(SignalAction.ENTER_LONG, BAR_END);

    assertThat(SignalRouter.clientOrderId(signal))
        .isEqualTo(SignalRouter.clientOrderId(signal(SignalAction.ENTER_LONG, BAR_END)))
        .hasSize(26)
        .startsWith("S-")
        .matches("[0-9A-Z-]+");
    assertThat(
            SignalRouter.clientOrderId(signal(SignalAction.ENTER_LONG, BAR_END.plusSeconds(300))))
        .isNotEqualTo(SignalRouter.clientOrderId(signal));
    assertThat(SignalRouter.clientOrderId(signal(SignalAction.EXIT_LONG, BAR_END)))
        .isNotEqualTo(SignalRouter.clientOrderId(signal));
    Signal tcs =
        new Signal(
            "inst-1", TestBars.TCS, Timeframe.M5, SignalAction.ENTER_LONG, BAR_END, 1, "", null);
    assertThat(SignalRouter.clientOrderId(tcs)).isNotEqualTo(SignalRouter.clientOrderId(signal));
  }

  @Test
  void aDroppedSignalNamesTheRuleAndPlacesNothing() {
    gate.answer(fact -> gate.drop("no-entries-after-15", "no new entries after 15:00"));

    RoutedSignal routed = router.route(OrderDesk.ACCOUNT, signal(SignalAction.ENTER_LONG, BAR_END));

    assertThat(routed.outcome()).isEqualTo(Outcome.DROPPED);
    assertThat(routed.rule()).isEqualTo("no-entries-after-15");
    assertThat(routed.reason()).isEqualTo("no new entries after 15:00");
    assertThat(routed.orderId()).isEmpty();
    assertThat(desk.store.orders()).isEmpty();
  }

  @Test
  void aFailingRuleEngineDropsTheSignalInsteadOfThrowing() {
    gate.answer(
        fact -> {
          throw new IllegalStateException("rule set not compiled");
        });

    RoutedSignal routed = router.route(OrderDesk.ACCOUNT, signal(SignalAction.ENTER_LONG, BAR_END));

    assertThat(routed.outcome()).isEqualTo(Outcome.DROPPED);
    assertThat(routed.rule()).isEqualTo(SignalRouter.SIGNAL_RULES);
    assertThat(routed.reason()).contains("rule set not compiled");
    assertThat(desk.store.orders()).isEmpty();
  }

  @Test
  void anOrderTheOrderPathRefusesDropsTheSignalWithTheReason() {
    desk.blocked.put(OrderDesk.ACCOUNT, "account kill switch engaged by risk");

    RoutedSignal routed = router.route(OrderDesk.ACCOUNT, signal(SignalAction.ENTER_LONG, BAR_END));

    assertThat(routed.outcome()).isEqualTo(Outcome.DROPPED);
    assertThat(routed.rule()).isEqualTo("order-path:BLOCKED");
    assertThat(routed.reason()).isEqualTo("account kill switch engaged by risk");
    assertThat(routed.decisionId()).isEqualTo("D1");
    assertThat(desk.sent).isEmpty();
  }

  @Test
  void anUnknownAccountOrInstrumentDropsTheSignal() {
    RoutedSignal noAccount = router.route(99, signal(SignalAction.ENTER_LONG, BAR_END));
    Signal unknown =
        new Signal(
            "inst-1",
            InstrumentId.parse("NSE:NOPE"),
            Timeframe.M5,
            SignalAction.ENTER_LONG,
            BAR_END,
            10,
            "",
            null);
    RoutedSignal noInstrument = router.route(OrderDesk.ACCOUNT, unknown);

    assertThat(noAccount.outcome()).isEqualTo(Outcome.DROPPED);
    assertThat(noAccount.reason()).contains("no account 99");
    assertThat(noInstrument.outcome()).isEqualTo(Outcome.DROPPED);
    assertThat(noInstrument.reason()).contains("unknown instrument NSE:NOPE");
  }

  @Test
  void aRuleLimitPriceBecomesALimitOrderOnTheTickGrid() {
    gate.answer(fact -> gate.order(fact, 5, 1523.43));

    RoutedSignal routed = router.route(OrderDesk.ACCOUNT, signal(SignalAction.EXIT_LONG, BAR_END));

    Order order = desk.service.find(routed.orderId()).orElseThrow();
    assertThat(order.type()).isEqualTo(OrderType.LIMIT);
    assertThat(order.limitPrice()).isEqualByComparingTo(new BigDecimal("1523.45"));
    assertThat(order.side()).isEqualTo(OrderSide.SELL);
    assertThat(order.quantity()).isEqualTo(5);
  }
}
