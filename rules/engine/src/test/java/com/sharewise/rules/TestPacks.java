package com.sharewise.rules;

import java.util.List;

/** Small rule sets for integration tests (the real default packs are tested in rules/packs). */
final class TestPacks {

  static final String RISK_V1 =
      """
      package com.example.risk
      import com.sharewise.rules.model.*;

      rule "max order value"
      when
          $o : OrderIntent()
          $l : Limits( maxOrderValue > 0, $o.value > maxOrderValue )
          $d : Decision()
      then
          $d.reject("order value " + Math.round($o.value()) + " exceeds " + Math.round($l.maxOrderValue()));
      end
      """;

  /** v1 plus a quantity cap of 100 shares. */
  static final String RISK_STRICTER =
      RISK_V1
          + """

          rule "at most 100 shares"
          when
              $o : OrderIntent( quantity > 100 )
              $d : Decision()
          then
              $d.reject("more than 100 shares");
          end
          """;

  /** Approves everything: breaks the "big order is rejected" scenario. */
  static final String RISK_LAX =
      """
      package com.example.risk
      import com.sharewise.rules.model.*;
      rule "nothing" when $d : Decision() then end
      """;

  static final String WORKFLOW =
      """
      package com.example.workflow
      import com.sharewise.rules.model.*;
      rule "hold big orders"
      when
          $o : OrderIntent()
          $l : Limits( $o.value > approvalThreshold )
          $d : Decision()
      then
          $d.hold("big");
      end
      """;

  static final String SIGNAL =
      """
      package com.example.signal
      import com.sharewise.rules.model.*;
      rule "one share"
      when $s : SignalFact() $d : SignalDecision()
      then $d.size(1, "one share");
      end
      """;

  static final String RISK_SCENARIOS =
      """
      [{"name": "a big order is rejected",
        "given": {"order": {"id": "s-1", "accountId": "acc-1", "instrument": "NSE:INFY",
                            "side": "BUY", "quantity": 1000, "priceType": "LIMIT",
                            "limitPrice": 1500, "referencePrice": 1500}},
        "expect": {"outcome": "REJECT", "rule": "max order value"}}]
      """;

  static List<Rules.DefaultPack> all() {
    return List.of(
        new Rules.DefaultPack(RuleKind.RISK, RISK_V1, RISK_SCENARIOS),
        new Rules.DefaultPack(RuleKind.WORKFLOW, WORKFLOW, "[]"),
        new Rules.DefaultPack(RuleKind.SIGNAL, SIGNAL, "[]"));
  }

  private TestPacks() {}
}
