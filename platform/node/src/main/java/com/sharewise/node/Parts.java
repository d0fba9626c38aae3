package com.sharewise.node;

import com.sharewise.node.internal.BacktestsPart;
import com.sharewise.node.internal.MarketDataPart;
import com.sharewise.node.internal.MetricsPart;
import com.sharewise.node.internal.OrdersPart;
import com.sharewise.node.internal.RulesPart;
import com.sharewise.node.internal.SecurityPart;
import com.sharewise.node.internal.StrategiesPart;
import java.util.List;

/**
 * The node's functional areas, in start order: an area may {@link NodeContext#require} what an
 * earlier one published. Each area's wiring lives in its own class beside this one.
 */
final class Parts {

  static final List<NodePart.Starter> STARTERS =
      List.of(
          // rules first: they need only the core, and compiling their rule sets in the background
          // is the longest step of start-up, so it should begin as early as possible
          RulesPart::start,
          // security next: every later area may need its token verifier, limiter and accounts
          SecurityPart::start,
          MetricsPart::start,
          // market data before orders and strategies: they need quotes, bars and instruments
          MarketDataPart::start,
          // orders after rules (risk gate), market data (quotes, instruments) and security
          OrdersPart::start,
          // strategies after orders (order path, portfolio), rules (signal gate) and market data
          StrategiesPart::start,
          BacktestsPart::start);

  private Parts() {}
}
