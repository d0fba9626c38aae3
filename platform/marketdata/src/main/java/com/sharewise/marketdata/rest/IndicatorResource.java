package com.sharewise.marketdata.rest;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Timeframe;
import com.sharewise.api.param.ParameterException;
import com.sharewise.indicatorengine.IndicatorEngine;
import com.sharewise.indicatorengine.IndicatorFailedException;
import com.sharewise.indicatorengine.IndicatorSeries;
import com.sharewise.indicatorengine.UnknownIndicatorException;
import com.sharewise.marketdata.BarHistory;
import com.sharewise.marketdata.InstrumentMaster;
import com.sharewise.server.ApiException;
import com.sharewise.server.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code /api/v1/indicators}: the installed indicators, and any of them computed over stored bars.
 */
@Path("indicators")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Market data")
public final class IndicatorResource {

  private static final Set<String> RESERVED =
      Set.of("instrument", "timeframe", "from", "to", "limit", "warmup");

  private final IndicatorEngine engine;
  private final BarHistory history;
  private final InstrumentMaster master;
  private final Clock clock;

  public IndicatorResource(
      IndicatorEngine engine, BarHistory history, InstrumentMaster master, Clock clock) {
    this.engine = engine;
    this.history = history;
    this.master = master;
    this.clock = clock;
  }

  @GET
  @RolesAllowed({Roles.TRADER, Roles.RISK_OFFICER, Roles.ADMIN})
  @Operation(summary = "Installed indicators with their outputs and parameters")
  public List<IndicatorDto> list() {
    return engine.available().stream().map(IndicatorDto::of).toList();
  }

  @GET
  @Path("{name}")
  @RolesAllowed({Roles.TRADER, Roles.RISK_OFFICER, Roles.ADMIN})
  @Operation(
      summary = "An indicator over stored bars",
      description =
          "Query: instrument, timeframe, from, to (as for /bars), limit (default 1000, max 50000"
              + " bars in range), warmup (bars before the range fed to the indicator first,"
              + " default 300) and the indicator's own parameters by name (e.g. period=14)."
              + " Unknown indicator → 404 listing the known ones; bad parameter → 400 naming it.")
  public IndicatorSeriesDto compute(@PathParam("name") String name, @Context UriInfo uri) {
    Map<String, String> query = first(uri);
    InstrumentId id = Params.instrument("instrument", query.get("instrument"), master);
    Timeframe timeframe = Params.timeframe(query.get("timeframe"));
    int limit = Params.integer("limit", query.get("limit"), 1000, 1, BarResource.MAX_LIMIT);
    int warmup = Params.integer("warmup", query.get("warmup"), 300, 0, 5000);
    Instant from = Params.time("from", query.get("from"));
    Instant to = Params.time("to", query.get("to"));
    from = from == null ? Instant.EPOCH : from;
    to = to == null ? clock.instant().plus(Duration.ofDays(1)) : to;
    if (!from.isBefore(to)) {
      throw ApiException.badRequest("from (" + from + ") must be before to (" + to + ")");
    }
    Map<String, String> parameters = new TreeMap<>(query);
    parameters.keySet().removeAll(RESERVED);

    List<Bar> range = history.range(id, timeframe, from, to, limit);
    List<Bar> bars = new ArrayList<>();
    if (!range.isEmpty() && warmup > 0) {
      bars.addAll(history.last(id, timeframe, warmup, range.get(0).openTime()));
    }
    int skip = bars.size();
    bars.addAll(range);
    IndicatorSeries series;
    try {
      series = engine.compute(name, bars, parameters);
    } catch (UnknownIndicatorException e) {
      throw ApiException.notFound(e.getMessage());
    } catch (ParameterException e) {
      throw ApiException.badRequest(e.getMessage());
    } catch (IndicatorFailedException e) {
      throw new ApiException(500, "Indicator failed", e.getMessage(), null, e);
    }
    Map<String, List<Double>> values = new LinkedHashMap<>();
    for (String output : series.outputs()) {
      double[] column = series.values().get(output);
      List<Double> shown = new ArrayList<>(column.length - skip);
      for (int i = skip; i < column.length; i++) {
        shown.add(Double.isFinite(column[i]) ? column[i] : null);
      }
      values.put(output, shown);
    }
    return new IndicatorSeriesDto(
        series.id(),
        id.toString(),
        timeframe.label(),
        parameters,
        series.outputs(),
        List.copyOf(series.times().subList(skip, series.times().size())),
        values);
  }

  private static Map<String, String> first(UriInfo uri) {
    Map<String, String> query = new LinkedHashMap<>();
    uri.getQueryParameters()
        .forEach((key, list) -> query.put(key, list.isEmpty() ? "" : list.get(0)));
    return query;
  }
}
