package com.sharewise.marketdata;

import static com.sharewise.store.jooq.Tables.INSTRUMENT;

import com.sharewise.api.market.Exchange;
import com.sharewise.api.market.Instrument;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Segment;
import com.sharewise.marketdata.internal.InstrumentCsv;
import com.sharewise.store.StoreException;
import com.sharewise.store.jooq.tables.records.InstrumentRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instrument master: reference data (token, tick size, lot size, segment, ISIN) of every
 * instrument the platform knows, kept in PostgreSQL (table {@code instrument}) and held in memory
 * for lookups on hot paths and for search.
 *
 * <p>On first start (an empty table) it is seeded with liquid NSE equities so the simulator and the
 * examples work out of the box; import the broker's instrument file ({@link #importCsv}) for real
 * trading. Thread-safe: reads never touch the database; imports write in one transaction and then
 * swap the cached entries.
 */
public final class InstrumentMaster {

  private static final Logger LOG = LoggerFactory.getLogger(InstrumentMaster.class);
  private static final String SEED = "instruments-seed.csv";

  private final DSLContext dsl;
  private final Clock clock;
  private final Map<InstrumentId, Instrument> byId = new ConcurrentHashMap<>();

  private InstrumentMaster(DSLContext dsl, Clock clock) {
    this.dsl = Objects.requireNonNull(dsl, "dsl");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Loads the master from the database, seeding it first when the table is empty.
   *
   * @throws StoreException when the database cannot be read
   */
  public static InstrumentMaster load(DSLContext dsl, Clock clock) {
    InstrumentMaster master = new InstrumentMaster(dsl, clock);
    master.reload();
    if (master.byId.isEmpty()) {
      int seeded = master.upsert(seed());
      LOG.atInfo().addKeyValue("instruments", seeded).log("instrument master seeded");
    }
    return master;
  }

  /** The seed list shipped with the platform (liquid NSE equities). */
  public static List<Instrument> seed() {
    try (InputStream in = InstrumentMaster.class.getResourceAsStream(SEED)) {
      if (in == null) {
        throw new IllegalStateException(SEED + " is missing from the market-data jar");
      }
      return InstrumentCsv.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The instrument's reference data, or empty when the master does not know it. */
  public Optional<Instrument> find(InstrumentId id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * The instrument's reference data.
   *
   * @throws UnknownInstrumentException naming it when the master does not know it
   */
  public Instrument require(InstrumentId id) {
    Instrument instrument = byId.get(id);
    if (instrument == null) {
      throw new UnknownInstrumentException(id);
    }
    return instrument;
  }

  /** Whether the master knows {@code id}. */
  public boolean contains(InstrumentId id) {
    return byId.containsKey(id);
  }

  /** Every instrument, ordered by id. */
  public List<Instrument> all() {
    return byId.values().stream().sorted(Comparator.comparing(i -> i.id().toString())).toList();
  }

  /** How many instruments the master holds. */
  public int size() {
    return byId.size();
  }

  /**
   * Instruments matching {@code query}, best first: exact symbol or {@code EXCHANGE:SYMBOL}, then
   * symbols starting with the query, then symbols, names, ISINs or tokens containing it. Case does
   * not matter. A blank query lists instruments by id.
   */
  public List<Instrument> search(String query, int limit) {
    String q = query == null ? "" : query.trim().toUpperCase(Locale.ROOT);
    if (q.isEmpty()) {
      return all().stream().limit(limit).toList();
    }
    List<Ranked> ranked = new ArrayList<>();
    for (Instrument instrument : byId.values()) {
      int rank = rank(instrument, q);
      if (rank >= 0) {
        ranked.add(new Ranked(rank, instrument));
      }
    }
    return ranked.stream()
        .sorted(
            Comparator.comparingInt(Ranked::rank)
                .thenComparing(r -> r.instrument().id().symbol())
                .thenComparing(r -> r.instrument().id().exchange()))
        .limit(limit)
        .map(Ranked::instrument)
        .toList();
  }

  private record Ranked(int rank, Instrument instrument) {}

  private static int rank(Instrument instrument, String q) {
    String symbol = instrument.id().symbol();
    if (symbol.equals(q) || instrument.id().toString().equals(q)) {
      return 0;
    }
    if (symbol.startsWith(q)) {
      return 1;
    }
    if (symbol.contains(q)) {
      return 2;
    }
    if (instrument.name().toUpperCase(Locale.ROOT).contains(q)) {
      return 3;
    }
    if (instrument.isin().equals(q) || instrument.token().equals(q)) {
      return 4;
    }
    return -1;
  }

  /**
   * Imports an instrument file (see {@link InstrumentCsv} for the columns): inserts new instruments
   * and updates known ones, all in one transaction.
   *
   * @return how many instruments the file held
   * @throws CsvImportException listing every bad line; nothing is imported then
   */
  public int importCsv(Reader csv) {
    return upsert(InstrumentCsv.parse(csv));
  }

  /**
   * Inserts or updates {@code instruments} in one transaction, then updates the cache.
   *
   * @return how many were written
   */
  public int upsert(Collection<Instrument> instruments) {
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    try {
      dsl.transaction(
          tx -> {
            DSLContext db = DSL.using(tx);
            List<Instrument> list = List.copyOf(instruments);
            for (int from = 0; from < list.size(); from += 1000) {
              var insert =
                  db.insertInto(
                      INSTRUMENT,
                      INSTRUMENT.ID,
                      INSTRUMENT.EXCHANGE,
                      INSTRUMENT.SYMBOL,
                      INSTRUMENT.TOKEN,
                      INSTRUMENT.NAME,
                      INSTRUMENT.SEGMENT,
                      INSTRUMENT.TICK_SIZE,
                      INSTRUMENT.LOT_SIZE,
                      INSTRUMENT.ISIN,
                      INSTRUMENT.UPDATED_AT);
              for (Instrument i : list.subList(from, Math.min(list.size(), from + 1000))) {
                insert =
                    insert.values(
                        i.id().toString(),
                        i.id().exchange().name(),
                        i.id().symbol(),
                        i.token(),
                        i.name(),
                        i.segment().name(),
                        i.tickSize(),
                        i.lotSize(),
                        i.isin(),
                        now);
              }
              insert
                  .onConflict(INSTRUMENT.ID)
                  .doUpdate()
                  .set(INSTRUMENT.TOKEN, DSL.excluded(INSTRUMENT.TOKEN))
                  .set(INSTRUMENT.NAME, DSL.excluded(INSTRUMENT.NAME))
                  .set(INSTRUMENT.SEGMENT, DSL.excluded(INSTRUMENT.SEGMENT))
                  .set(INSTRUMENT.TICK_SIZE, DSL.excluded(INSTRUMENT.TICK_SIZE))
                  .set(INSTRUMENT.LOT_SIZE, DSL.excluded(INSTRUMENT.LOT_SIZE))
                  .set(INSTRUMENT.ISIN, DSL.excluded(INSTRUMENT.ISIN))
                  .set(INSTRUMENT.UPDATED_AT, DSL.excluded(INSTRUMENT.UPDATED_AT))
                  .execute();
            }
          });
    } catch (DataAccessException e) {
      throw new StoreException("cannot store " + instruments.size() + " instruments", e);
    }
    instruments.forEach(i -> byId.put(i.id(), i));
    return instruments.size();
  }

  /** Re-reads every instrument from the database (after another node imported a file). */
  public void reload() {
    List<Instrument> rows;
    try {
      rows = dsl.selectFrom(INSTRUMENT).fetch(InstrumentMaster::toInstrument);
    } catch (DataAccessException e) {
      throw new StoreException("cannot read the instrument master", e);
    }
    rows.forEach(i -> byId.put(i.id(), i));
    byId.keySet().retainAll(rows.stream().map(Instrument::id).toList());
  }

  private static Instrument toInstrument(InstrumentRecord row) {
    return new Instrument(
        new InstrumentId(Exchange.valueOf(row.getExchange()), row.getSymbol()),
        row.getToken(),
        row.getName(),
        Segment.valueOf(row.getSegment()),
        row.getTickSize().stripTrailingZeros(),
        row.getLotSize(),
        row.getIsin());
  }
}
