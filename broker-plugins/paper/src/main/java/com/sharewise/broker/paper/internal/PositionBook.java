package com.sharewise.broker.paper.internal;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.trading.AccountRef;
import com.sharewise.api.trading.OrderSide;
import com.sharewise.api.trading.Position;
import com.sharewise.api.trading.Product;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Net positions per instrument and product, computed from fills with the average-cost method: buys
 * and sells that grow a position move its average price; those that shrink it book realised P&L
 * against that average; a fill through zero closes and then opens the other way. Exact BigDecimal
 * arithmetic except when part of a position is closed, where the cost taken out is carried to ten
 * decimals. Mutable; guarded by the adapter's lock.
 */
final class PositionBook {

  private final Map<Key, Net> positions = new LinkedHashMap<>();

  void apply(InstrumentId instrument, Product product, OrderSide side, long qty, BigDecimal price) {
    positions
        .computeIfAbsent(new Key(instrument, product), key -> new Net())
        .apply(side, qty, price);
  }

  /** Every position traded, flat ones included (they carry realised P&L), in first-trade order. */
  List<Position> positions(AccountRef account) {
    return positions.entrySet().stream()
        .map(e -> e.getValue().toPosition(account, e.getKey()))
        .toList();
  }

  private record Key(InstrumentId instrument, Product product) {}

  private static final class Net {
    private long quantity;
    private BigDecimal openCost = BigDecimal.ZERO; // average price × |quantity|
    private BigDecimal realised = BigDecimal.ZERO;

    void apply(OrderSide side, long qty, BigDecimal price) {
      long remaining = qty;
      if (quantity != 0 && Long.signum(quantity) != side.sign()) {
        long open = Math.abs(quantity);
        long closing = Math.min(remaining, open);
        BigDecimal closedCost =
            closing == open
                ? openCost
                : openCost
                    .multiply(BigDecimal.valueOf(closing))
                    .divide(BigDecimal.valueOf(open), 10, RoundingMode.HALF_EVEN);
        BigDecimal proceeds = price.multiply(BigDecimal.valueOf(closing));
        realised =
            realised.add(
                quantity > 0 ? proceeds.subtract(closedCost) : closedCost.subtract(proceeds));
        openCost = openCost.subtract(closedCost);
        quantity += side.sign() * closing;
        remaining -= closing;
      }
      if (remaining > 0) {
        openCost = openCost.add(price.multiply(BigDecimal.valueOf(remaining)));
        quantity += side.sign() * remaining;
      }
    }

    Position toPosition(AccountRef account, Key key) {
      return new Position(
          account,
          key.instrument(),
          key.product(),
          quantity,
          quantity == 0 ? BigDecimal.ZERO : Prices.average(openCost, Math.abs(quantity)),
          realised.setScale(2, RoundingMode.HALF_EVEN));
    }
  }
}
