package com.sharewise.orders.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.trading.Product;
import com.sharewise.orders.PositionMirror;
import com.sharewise.orders.PositionView;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * Positions in the grid map {@value #MAP_NAME}, keyed {@code account|instrument|product}, so every
 * node reads the same positions whichever node booked the fills. Written asynchronously: the
 * journal, not the grid, is what survives a full restart.
 */
public final class GridPositionMirror implements PositionMirror {

  public static final String MAP_NAME = "sharewise.positions";

  /** The grid's form of a position: plain fields, so any node can read it. */
  record Shared(
      long accountId,
      String instrument,
      String product,
      long quantity,
      String averagePrice,
      String realisedPnl,
      String charges,
      long bought,
      long sold)
      implements Serializable {}

  private final IMap<String, Shared> map;

  public GridPositionMirror(HazelcastInstance grid) {
    this.map = grid.getMap(MAP_NAME);
  }

  @Override
  public void put(PositionView p) {
    map.setAsync(
        p.accountId() + "|" + p.instrument() + "|" + p.product(),
        new Shared(
            p.accountId(),
            p.instrument().toString(),
            p.product().name(),
            p.quantity(),
            p.averagePrice().toPlainString(),
            p.realisedPnl().toPlainString(),
            p.charges().toPlainString(),
            p.boughtQuantity(),
            p.soldQuantity()));
  }

  @Override
  public List<PositionView> of(long accountId) {
    return map.values(Predicates.equal("accountId", accountId)).stream()
        .map(
            s -> {
              BigDecimal average = new BigDecimal(s.averagePrice());
              return new PositionView(
                  s.accountId(),
                  InstrumentId.parse(s.instrument()),
                  Product.valueOf(s.product()),
                  s.quantity(),
                  average,
                  new BigDecimal(s.realisedPnl()),
                  average,
                  BigDecimal.ZERO,
                  new BigDecimal(s.charges()),
                  s.bought(),
                  s.sold());
            })
        .toList();
  }
}
