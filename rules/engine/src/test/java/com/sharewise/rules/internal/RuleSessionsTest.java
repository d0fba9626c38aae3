package com.sharewise.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.rules.RiskContext;
import com.sharewise.rules.RuleKind;
import com.sharewise.rules.model.Decision;
import com.sharewise.rules.model.OrderIntent;
import com.sharewise.rules.model.Outcome;
import com.sharewise.rules.model.PriceType;
import com.sharewise.rules.model.ProductType;
import com.sharewise.rules.model.Side;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Pooled sessions start every evaluation empty, and rules that insert facts still chain. */
class RuleSessionsTest {

  private final FactResolver resolver =
      new FactResolver(LimitData::defaultsOnly, Clock.systemUTC(), Set.of());
  private final Judge judge = new Judge(new Evaluator(new Evaluator.Budget(100, 1_000_000_000L)));

  @Test
  void aFactARuleInsertedForOneOrderIsGoneForTheNext() {
    CompiledRuleSet risk =
        EvaluatorTest.compile(
            RuleKind.RISK,
            1,
            """
            rule "flag tens"
            when $d : Decision() $o : OrderIntent( quantity == 10 )
            then insert(new OpenOrders($o.accountId(), 999));
            end
            rule "flagged"
            when $d : Decision() OpenOrders( count == 999 )
            then $d.reject("flagged");
            end
            """);

    for (int round = 0; round < 3; round++) {
      assertThat(decide(risk, 10).getOutcome()).isEqualTo(Outcome.REJECT);
      assertThat(decide(risk, 10).getReason()).isEqualTo("flagged");
      assertThat(decide(risk, 5).getOutcome()).isEqualTo(Outcome.APPROVE);
    }
  }

  @Test
  void anEvaluationSeesOnlyItsOwnOrder() {
    CompiledRuleSet risk =
        EvaluatorTest.compile(
            RuleKind.RISK,
            2,
            """
            rule "two orders"
            when $d : Decision() OrderIntent( $id : id ) OrderIntent( id != $id )
            then $d.reject("saw another order");
            end
            """);

    for (int i = 0; i < 10; i++) {
      assertThat(decide(risk, 1 + i).getOutcome()).isEqualTo(Outcome.APPROVE);
    }
  }

  private Decision decide(CompiledRuleSet risk, long quantity) {
    OrderIntent order =
        new OrderIntent(
            "o-" + quantity,
            "acc-1",
            "NSE:INFY",
            Side.BUY,
            quantity,
            PriceType.LIMIT,
            1500,
            0,
            ProductType.CNC,
            "",
            1500);
    return judge.only(RuleKind.RISK, risk, resolver.risk(order, RiskContext.empty())).decision();
  }
}
