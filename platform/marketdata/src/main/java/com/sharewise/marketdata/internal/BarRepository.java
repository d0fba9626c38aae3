package com.sharewise.marketdata.internal;

import static com.sharewise.store.jooq.Tables.BAR;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Timeframe;
import com.sharewise.marketdata.BarHistory;
import com.sharewise.marketdata.BarImporter;
import com.sharewise.marketdata.InstrumentMaster;
import com.sharewise.store.StoreException;
import com.sharewise.store.jooq.tables.records.BarRecord;
import java.io.Reader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Bars in PostgreSQL (table {@code bar}): time-range reads merged with the bars still queued in the
 * {@link BarWriter}, and CSV imports in one transaction. Thread-safe.
 */
public final class BarRepository implements BarHistory, BarImporter {

  private static final int IMPORT_CHUNK = 5_000;

  private final DSLContext dsl;
  private final BarWriter writer;
  private final InstrumentMaster instruments;

  public BarRepository(DSLContext dsl, BarWriter writer, InstrumentMaster instruments) {
    this.dsl = dsl;
    this.writer = writer;
    this.instruments = instruments;
  }

  @Override
  public List<Bar> range(
      InstrumentId instrument, Timeframe timeframe, Instant from, Instant to, int limit) {
    List<Bar> stored;
    try {
      stored =
          dsl.selectFrom(BAR)
              .where(BAR.INSTRUMENT.eq(instrument.toString()))
              .and(BAR.TIMEFRAME.eq(timeframe.label()))
              .and(BAR.OPEN_TIME.ge(utc(from)))
              .and(BAR.OPEN_TIME.lt(utc(to)))
              .orderBy(BAR.OPEN_TIME.desc())
              .limit(limit)
              .fetch(row -> toBar(instrument, timeframe, row));
    } catch (DataAccessException e) {
      throw new StoreException("cannot read " + timeframe.label() + " bars of " + instrument, e);
    }
    return merge(stored, instrument, timeframe, t -> !t.isBefore(from) && t.isBefore(to), limit);
  }

  @Override
  public List<Bar> last(InstrumentId instrument, Timeframe timeframe, int count, Instant before) {
    List<Bar> stored;
    try {
      stored =
          dsl.selectFrom(BAR)
              .where(BAR.INSTRUMENT.eq(instrument.toString()))
              .and(BAR.TIMEFRAME.eq(timeframe.label()))
              .and(BAR.OPEN_TIME.lt(utc(before)))
              .orderBy(BAR.OPEN_TIME.desc())
              .limit(count)
              .fetch(row -> toBar(instrument, timeframe, row));
    } catch (DataAccessException e) {
      throw new StoreException("cannot read " + timeframe.label() + " bars of " + instrument, e);
    }
    return merge(stored, instrument, timeframe, t -> t.isBefore(before), count);
  }

  /** Stored bars plus matching queued ones (which win), oldest first, the latest {@code limit}. */
  private List<Bar> merge(
      List<Bar> storedNewestFirst,
      InstrumentId instrument,
      Timeframe timeframe,
      java.util.function.Predicate<Instant> inRange,
      int limit) {
    Map<Instant, Bar> byTime = new TreeMap<>();
    storedNewestFirst.forEach(bar -> byTime.put(bar.openTime(), bar));
    if (writer != null && writer.backlog() > 0) {
      for (Bar bar : writer.pending()) {
        if (bar.instrument().equals(instrument)
            && bar.timeframe() == timeframe
            && inRange.test(bar.openTime())) {
          byTime.put(bar.openTime(), bar);
        }
      }
    }
    List<Bar> bars = new ArrayList<>(byTime.values());
    return bars.size() <= limit
        ? bars
        : List.copyOf(bars.subList(bars.size() - limit, bars.size()));
  }

  @Override
  public Result importCsv(InstrumentId instrument, Timeframe timeframe, Reader csv) {
    instruments.require(instrument);
    List<Bar> bars = BarCsv.parse(csv, instrument, timeframe);
    try {
      dsl.transaction(
          tx -> {
            DSLContext db = DSL.using(tx);
            for (int from = 0; from < bars.size(); from += IMPORT_CHUNK) {
              BarWriter.upsert(db, bars.subList(from, Math.min(bars.size(), from + IMPORT_CHUNK)));
            }
          });
    } catch (DataAccessException e) {
      throw new StoreException(
          "cannot store " + bars.size() + " " + timeframe.label() + " bars of " + instrument, e);
    }
    Comparator<Bar> byTime = Comparator.comparing(Bar::openTime);
    return new Result(
        instrument,
        timeframe,
        bars.size(),
        bars.stream().min(byTime).orElseThrow().openTime(),
        bars.stream().max(byTime).orElseThrow().openTime());
  }

  private static Bar toBar(InstrumentId instrument, Timeframe timeframe, BarRecord row) {
    return new Bar(
        instrument,
        timeframe,
        row.getOpenTime().toInstant(),
        row.getOpen(),
        row.getHigh(),
        row.getLow(),
        row.getClose(),
        row.getVolume());
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
