package com.sharewise.marketdata;

import java.util.Map;

/**
 * The market-data area's state for the health endpoint.
 *
 * @param up false when a feed is disconnected or silent during the session
 * @param detail a summary, naming every feed that is down
 * @param data per-feed figures and tick-path counters
 */
public record MarketDataHealth(boolean up, String detail, Map<String, Object> data) {
  public MarketDataHealth {
    data = Map.copyOf(data);
  }
}
