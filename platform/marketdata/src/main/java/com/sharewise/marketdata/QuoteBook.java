package com.sharewise.marketdata;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.QuoteSource;
import com.sharewise.api.market.Tick;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The latest quote (tick) per instrument, readable on every node of the cluster.
 *
 * <p>A node's own feeds update a local copy on every tick; a background thread writes the
 * instruments that changed to the grid map {@value #MAP_NAME} every few milliseconds, the newest
 * tick only (conflated), so other nodes see a quote at most one flush interval after this node.
 * {@link #latest} answers from the local copy when this node receives the instrument, else from the
 * grid. {@link #subscribe} delivers the ticks this node's own feeds receive, on listener threads of
 * the quote book, conflated per subscriber. Thread-safe.
 */
public interface QuoteBook extends QuoteSource {

  /** The Hazelcast map holding the latest quote per instrument, keyed {@code EXCHANGE:SYMBOL}. */
  String MAP_NAME = "sharewise.quotes";

  /** The newest tick of {@code instrument} on this node or, if it has none, in the grid. */
  @Override
  Optional<Tick> latest(InstrumentId instrument);

  /** The newest tick of every instrument that has one, anywhere in the cluster, ordered by name. */
  List<Tick> all();

  /**
   * The close of the last daily bar before the session of {@code quote}, when stored. Loaded in the
   * background: the first call for an instrument on a new day may answer empty.
   */
  OptionalDouble previousClose(Tick quote);

  /** Counters of this node's tick path. */
  QuoteStats stats();
}
