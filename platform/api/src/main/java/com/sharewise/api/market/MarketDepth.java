package com.sharewise.api.market;

import java.util.List;

/**
 * The visible order book: best bid first in {@code bids}, best ask first in {@code asks}. Indian
 * exchanges publish five levels to retail feeds; a source may publish fewer, or none.
 */
public record MarketDepth(List<DepthLevel> bids, List<DepthLevel> asks) {

  /** A book with no levels, for sources that publish last price only. */
  public static final MarketDepth EMPTY = new MarketDepth(List.of(), List.of());

  public MarketDepth {
    bids = List.copyOf(bids);
    asks = List.copyOf(asks);
  }
}
