package com.sharewise.node;

import com.sharewise.node.internal.MarketDataPart;
import com.sharewise.node.internal.MetricsPart;
import com.sharewise.node.internal.RulesPart;
import com.sharewise.node.internal.SecurityPart;
import java.util.List;

/**
 * The node's functional areas, in start order: an area may {@link NodeContext#require} what an
 * earlier one published. Each area's wiring lives in its own class beside this one.
 */
final class Parts {

  static final List<NodePart.Starter> STARTERS =
      List.of(
          // security first: every later area may need its token verifier, limiter and accounts
          SecurityPart::start,
          MetricsPart::start,
          RulesPart::start,
          // market data before orders and strategies: they need quotes, bars and instruments
          MarketDataPart::start);

  private Parts() {}
}
