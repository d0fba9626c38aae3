package com.sharewise.benchmarks;

import com.sharewise.rules.RiskContext;
import com.sharewise.rules.RuleKind;
import com.sharewise.rules.internal.CompileResult;
import com.sharewise.rules.internal.CompiledRuleSet;
import com.sharewise.rules.internal.DrlCompiler;
import com.sharewise.rules.internal.Evaluator;
import com.sharewise.rules.internal.FactResolver;
import com.sharewise.rules.internal.Judge;
import com.sharewise.rules.internal.LimitData;
import com.sharewise.rules.internal.RuleSource;
import com.sharewise.rules.model.Account;
import com.sharewise.rules.model.DailyPnl;
import com.sharewise.rules.model.Decision;
import com.sharewise.rules.model.Exposure;
import com.sharewise.rules.model.MarketClock;
import com.sharewise.rules.model.OpenOrders;
import com.sharewise.rules.model.OrderIntent;
import com.sharewise.rules.model.OrderRate;
import com.sharewise.rules.model.PositionFact;
import com.sharewise.rules.model.PriceType;
import com.sharewise.rules.model.ProductType;
import com.sharewise.rules.model.QuoteFact;
import com.sharewise.rules.model.Side;
import com.sharewise.rules.packs.DefaultPacks;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pre-trade check of one order intent against the default 20-rule risk pack on one thread: fact
 * resolution plus a pooled Drools session (what {@code RiskGate} does, minus the asynchronous
 * decision log), next to the same 20 checks written by hand in Java on the same inputs, in the same
 * run. Inputs cycle through 1024 varied orders (about a third rejected). Each sample is one check
 * timed with {@code System.nanoTime()}; the two are measured in alternating blocks so both see the
 * same machine conditions.
 */
final class RiskCheckBenchmark implements Benchmark {

  private static final Logger LOG = LoggerFactory.getLogger(RiskCheckBenchmark.class);
  private static final int INPUTS = 1024;
  private static final int WARMUP = 300_000;
  private static final int BLOCK = 50_000;
  private static final int BLOCKS = 10;

  private record Input(OrderIntent order, RiskContext context) {}

  @Override
  public String name() {
    return "rules.risk";
  }

  @Override
  public void run(Results results) {
    CompileResult compiled =
        new DrlCompiler(Clock.systemUTC(), 4)
            .compile(
                RuleKind.RISK,
                1,
                1,
                "",
                List.of(new RuleSource(RuleSource.RULESET, DefaultPacks.of("risk").drl())),
                List.of());
    if (!compiled.ok()) {
      throw new IllegalStateException("the risk pack does not compile: " + compiled.errors());
    }
    CompiledRuleSet risk = compiled.compiled();
    Judge judge = new Judge(new Evaluator(new Evaluator.Budget(1000, 50_000_000L)));
    FactResolver resolver = new FactResolver(LimitData::defaultsOnly, Clock.systemUTC(), Set.of());
    Input[] inputs = inputs();

    long sink = 0;
    for (int i = 0; i < WARMUP; i++) {
      Input in = inputs[i & (INPUTS - 1)];
      sink += drools(judge, risk, resolver, in).getOutcome().ordinal();
      sink += handWritten(resolver, in).getOutcome().ordinal();
    }
    long[] rules = new long[BLOCK * BLOCKS];
    long[] java = new long[BLOCK * BLOCKS];
    int disagreements = 0;
    long droolsNanos = 0;
    long javaNanos = 0;
    for (int b = 0; b < BLOCKS; b++) {
      long start = System.nanoTime();
      for (int i = 0; i < BLOCK; i++) {
        Input in = inputs[(b * BLOCK + i) & (INPUTS - 1)];
        long t0 = System.nanoTime();
        Decision d = drools(judge, risk, resolver, in);
        rules[b * BLOCK + i] = System.nanoTime() - t0;
        sink += d.getOutcome().ordinal();
      }
      droolsNanos += System.nanoTime() - start;
      start = System.nanoTime();
      for (int i = 0; i < BLOCK; i++) {
        Input in = inputs[(b * BLOCK + i) & (INPUTS - 1)];
        long t0 = System.nanoTime();
        Decision d = handWritten(resolver, in);
        java[b * BLOCK + i] = System.nanoTime() - t0;
        sink += d.getOutcome().ordinal();
      }
      javaNanos += System.nanoTime() - start;
    }
    for (Input in : inputs) {
      if (drools(judge, risk, resolver, in).getOutcome()
          != handWritten(resolver, in).getOutcome()) {
        disagreements++;
      }
    }
    Arrays.sort(rules);
    Arrays.sort(java);
    int n = rules.length;
    double droolsP50 = micros(rules[n / 2]);
    double droolsP99 = micros(rules[(int) (n * 0.99)]);
    double javaP50 = micros(java[n / 2]);
    double javaP99 = micros(java[(int) (n * 0.99)]);
    results.addValue(
        "rules.risk.drools.checksPerSecond",
        "20-rule risk set, Drools (pooled session), one thread",
        Math.round(n * 1e9 / droolsNanos),
        "checks/s");
    results.addValue("rules.risk.drools.p50", "20-rule risk set, Drools, p50", droolsP50, "µs");
    results.addValue(
        "rules.risk.drools.p99", "20-rule risk set, Drools, p99 (goal ≤ 20)", droolsP99, "µs");
    results.addValue(
        "rules.risk.java.checksPerSecond",
        "same 20 checks hand-written in Java, one thread",
        Math.round(n * 1e9 / javaNanos),
        "checks/s");
    results.addValue("rules.risk.java.p50", "same checks hand-written, p50", javaP50, "µs");
    results.addValue("rules.risk.java.p99", "same checks hand-written, p99", javaP99, "µs");
    results.addValue(
        "rules.risk.ratio.p50",
        "Drools p50 / hand-written p50 (goal ≤ 3)",
        Math.round(droolsP50 / javaP50 * 10) / 10.0,
        "×");
    results.addValue(
        "rules.risk.ratio.p99",
        "Drools p99 / hand-written p99 (goal ≤ 3)",
        Math.round(droolsP99 / javaP99 * 10) / 10.0,
        "×");
    results.addValue(
        "rules.risk.disagreements",
        "orders (of 1024) where Drools and hand-written Java decided differently",
        disagreements,
        "orders");
    LOG.info("(ignore) checksum {}", sink);
  }

  private static Decision drools(
      Judge judge, CompiledRuleSet risk, FactResolver resolver, Input in) {
    return judge.only(RuleKind.RISK, risk, resolver.risk(in.order(), in.context())).decision();
  }

  private static Decision handWritten(FactResolver resolver, Input in) {
    return HandWrittenRiskCheck.check(resolver.risk(in.order(), in.context()));
  }

  private static double micros(long nanos) {
    return Math.round(nanos / 10.0) / 100.0;
  }

  private static Input[] inputs() {
    Random random = new Random(42);
    String[] symbols = {"NSE:INFY", "NSE:TCS", "NSE:RELIANCE", "NSE:HDFCBANK", "NSE:SBIN"};
    double[] prices = {1500, 3800, 2900, 1650, 800};
    Input[] inputs = new Input[INPUTS];
    MarketClock clock = new MarketClock(0, 600, 2, false);
    for (int i = 0; i < INPUTS; i++) {
      int s = random.nextInt(symbols.length);
      double last = prices[s];
      boolean limit = random.nextInt(4) != 0;
      double price = limit ? Math.round(last * (0.97 + random.nextDouble() * 0.07) * 20) / 20.0 : 0;
      long quantity = 1 + random.nextInt(random.nextInt(10) == 0 ? 2000 : 200);
      Side side = random.nextInt(3) == 0 ? Side.SELL : Side.BUY;
      String account = "acc-" + random.nextInt(20);
      OrderIntent order =
          new OrderIntent(
              "o-" + i,
              account,
              symbols[s],
              side,
              quantity,
              limit ? PriceType.LIMIT : PriceType.MARKET,
              price,
              0,
              random.nextBoolean() ? ProductType.MIS : ProductType.CNC,
              random.nextBoolean() ? "sma-1" : "",
              limit ? price : last);
      long held = random.nextInt(5) == 0 ? 0 : random.nextInt(600);
      RiskContext context =
          new RiskContext(
              new Account(account, "paper", true, random.nextInt(50) != 0),
              null,
              new QuoteFact(symbols[s], last, last - 0.05, last + 0.05, random.nextInt(6000)),
              List.of(new PositionFact(account, symbols[s], held, last * 0.98, last)),
              new Exposure(account, held * last + random.nextInt(4_000_000), 0, 0),
              new DailyPnl(account, -random.nextInt(110_000), 0),
              new OpenOrders(account, random.nextInt(55)),
              new OrderRate(account, random.nextInt(12), random.nextInt(100)),
              clock);
      inputs[i] = new Input(order, context);
    }
    return inputs;
  }
}
