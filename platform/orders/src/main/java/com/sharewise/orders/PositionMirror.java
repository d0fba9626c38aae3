package com.sharewise.orders;

import java.util.List;

/**
 * Where the portfolio copies positions so that every node can read them (the grid, live); a
 * backtest uses {@link #NONE}. Called after each fill with the position it changed; must not block
 * for long.
 */
public interface PositionMirror {

  /** Keeps nothing. */
  PositionMirror NONE =
      new PositionMirror() {
        @Override
        public void put(PositionView position) {}

        @Override
        public List<PositionView> of(long accountId) {
          return List.of();
        }
      };

  /** Stores the newest state of one position. */
  void put(PositionView position);

  /** The positions of an account as last stored by any node. */
  List<PositionView> of(long accountId);
}
