package com.sharewise.marketdata.internal;

import com.sharewise.api.market.DepthLevel;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.MarketDepth;
import com.sharewise.api.market.Tick;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The grid's binary form of a tick. The quote map holds these bytes rather than objects so that no
 * Hazelcast serializer has to be configured, class versions never meet across nodes, and a value
 * costs one array copy to write: about 260 bytes with five levels of depth.
 *
 * <p>Layout (big-endian): version byte, instrument (UTF-8, length-prefixed), epoch second, nano,
 * last price, last quantity, cumulative volume, bid, ask, then bid and ask depth as a count and
 * (price, quantity, orders) triples.
 */
public final class TickCodec {

  private static final byte VERSION = 1;

  private TickCodec() {}

  /** The bytes of {@code tick}. */
  public static byte[] encode(Tick tick) {
    byte[] name = tick.instrument().toString().getBytes(StandardCharsets.UTF_8);
    List<DepthLevel> bids = tick.depth().bids();
    List<DepthLevel> asks = tick.depth().asks();
    int size = 1 + 2 + name.length + 8 + 4 + 8 * 6 + 2 + (bids.size() + asks.size()) * 20;
    ByteBuffer out = ByteBuffer.allocate(size);
    out.put(VERSION);
    out.putShort((short) name.length).put(name);
    out.putLong(tick.exchangeTime().getEpochSecond()).putInt(tick.exchangeTime().getNano());
    out.putDouble(tick.lastPrice()).putLong(tick.lastQuantity()).putLong(tick.volume());
    out.putDouble(tick.bid()).putDouble(tick.ask());
    levels(out, bids);
    levels(out, asks);
    return out.array();
  }

  private static void levels(ByteBuffer out, List<DepthLevel> levels) {
    out.put((byte) levels.size());
    for (DepthLevel level : levels) {
      out.putDouble(level.price()).putLong(level.quantity()).putInt(level.orders());
    }
  }

  /**
   * The tick in {@code bytes}.
   *
   * @throws IllegalArgumentException for bytes of an unknown version
   */
  public static Tick decode(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    byte version = in.get();
    if (version != VERSION) {
      throw new IllegalArgumentException("unknown quote encoding version " + version);
    }
    byte[] name = new byte[in.getShort()];
    in.get(name);
    Instant time = Instant.ofEpochSecond(in.getLong(), in.getInt());
    double last = in.getDouble();
    long lastQuantity = in.getLong();
    long volume = in.getLong();
    double bid = in.getDouble();
    double ask = in.getDouble();
    MarketDepth depth = new MarketDepth(levels(in), levels(in));
    return new Tick(
        InstrumentId.parse(new String(name, StandardCharsets.UTF_8)),
        time,
        last,
        lastQuantity,
        volume,
        bid,
        ask,
        depth);
  }

  private static List<DepthLevel> levels(ByteBuffer in) {
    int count = in.get();
    List<DepthLevel> levels = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      levels.add(new DepthLevel(in.getDouble(), in.getLong(), in.getInt()));
    }
    return levels;
  }
}
