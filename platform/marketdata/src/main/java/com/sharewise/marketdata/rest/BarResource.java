package com.sharewise.marketdata.rest;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Timeframe;
import com.sharewise.marketdata.BarHistory;
import com.sharewise.marketdata.BarImporter;
import com.sharewise.marketdata.CsvImportException;
import com.sharewise.marketdata.InstrumentMaster;
import com.sharewise.server.ApiException;
import com.sharewise.server.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** {@code /api/v1/bars}: stored bars by time range, and CSV imports of history. */
@Path("bars")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Market data")
public final class BarResource {

  /** The most bars one request returns. */
  public static final int MAX_LIMIT = 50_000;

  private final BarHistory history;
  private final BarImporter importer;
  private final InstrumentMaster master;
  private final Clock clock;

  public BarResource(
      BarHistory history, BarImporter importer, InstrumentMaster master, Clock clock) {
    this.history = history;
    this.importer = importer;
    this.master = master;
    this.clock = clock;
  }

  @GET
  @RolesAllowed({Roles.TRADER, Roles.RISK_OFFICER, Roles.ADMIN})
  @Operation(
      summary = "Stored bars",
      description =
          "Bars of instrument and timeframe (1m, 3m, 5m, 15m, 30m, 1h, 1d) opening in [from, to),"
              + " oldest first; at most limit (default 1000, max 50000), the latest ones when more"
              + " match. from/to: ISO-8601 (with offset), local IST time or a date; default the"
              + " last limit bars up to now.")
  public List<BarDto> list(
      @QueryParam("instrument") String instrument,
      @QueryParam("timeframe") String timeframe,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") String limit) {
    InstrumentId id = Params.instrument("instrument", instrument, master);
    Timeframe tf = Params.timeframe(timeframe);
    int max = Params.integer("limit", limit, 1000, 1, MAX_LIMIT);
    Instant start = Params.time("from", from);
    Instant end = Params.time("to", to);
    if (end == null) {
      end = clock.instant().plus(Duration.ofDays(1));
    }
    if (start == null) {
      start = Instant.EPOCH;
    }
    if (!start.isBefore(end)) {
      throw ApiException.badRequest("from (" + start + ") must be before to (" + end + ")");
    }
    return history.range(id, tf, start, end, max).stream().map(BarDto::of).toList();
  }

  @POST
  @Path("import")
  @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
  @RolesAllowed({Roles.TRADER, Roles.ADMIN})
  @Operation(
      summary = "Import bars from CSV",
      description =
          "Body: header timestamp,open,high,low,close,volume; timestamps ISO-8601 with offset or"
              + " YYYY-MM-DD HH:MM:SS (IST); intraday bars must start on the 09:15 IST grid."
              + " Imports in one transaction, replacing bars with the same time; any bad line →"
              + " 400 listing line numbers and reasons (errors.lines), nothing imported.")
  public ImportDto importCsv(
      @QueryParam("instrument") String instrument,
      @QueryParam("timeframe") String timeframe,
      InputStream body) {
    InstrumentId id = Params.instrument("instrument", instrument, master);
    Timeframe tf = Params.timeframe(timeframe);
    try {
      BarImporter.Result result =
          importer.importCsv(id, tf, new InputStreamReader(body, StandardCharsets.UTF_8));
      return new ImportDto(
          result.instrument().toString(),
          result.timeframe().label(),
          result.bars(),
          result.first(),
          result.last());
    } catch (CsvImportException e) {
      throw Params.badCsv(e);
    } catch (UncheckedIOException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  /**
   * What a bar import stored.
   *
   * @param imported how many bars
   * @param first the earliest bar's open time
   * @param last the latest bar's open time
   */
  public record ImportDto(
      String instrument, String timeframe, int imported, Instant first, Instant last) {}
}
