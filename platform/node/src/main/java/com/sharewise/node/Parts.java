package com.sharewise.node;

import java.util.List;

/**
 * The node's functional areas, in start order: an area may {@link NodeContext#require} what an
 * earlier one published. Each area's wiring lives in its own class beside this one.
 */
final class Parts {

  static final List<NodePart.Starter> STARTERS = List.of();

  private Parts() {}
}
