package com.sharewise.marketdata.rest;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Tick;
import com.sharewise.marketdata.InstrumentMaster;
import com.sharewise.marketdata.QuoteBook;
import com.sharewise.marketdata.QuoteStats;
import com.sharewise.server.ApiException;
import com.sharewise.server.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code /api/v1/quotes}: the latest quote per instrument, from anywhere in the cluster. */
@Path("quotes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Market data")
public final class QuoteResource {

  private final QuoteBook quotes;
  private final InstrumentMaster master;

  public QuoteResource(QuoteBook quotes, InstrumentMaster master) {
    this.quotes = quotes;
    this.master = master;
  }

  @GET
  @RolesAllowed({Roles.TRADER, Roles.RISK_OFFICER, Roles.ADMIN})
  @Operation(
      summary = "Latest quotes",
      description =
          "Every instrument with a quote, by name; or only those in instruments=NSE:INFY,NSE:TCS"
              + " (each must be known; instruments without a quote yet are left out).")
  public List<QuoteDto> list(@QueryParam("instruments") String instruments) {
    if (instruments == null || instruments.isBlank()) {
      return quotes.all().stream().map(this::dto).toList();
    }
    List<QuoteDto> result = new ArrayList<>();
    for (String name : instruments.split(",")) {
      if (name.isBlank()) {
        continue;
      }
      InstrumentId id = Params.instrumentId("instruments", name);
      Optional<Tick> quote = quotes.latest(id);
      if (quote.isEmpty() && !master.contains(id)) {
        throw ApiException.notFound("unknown instrument " + id);
      }
      quote.map(this::dto).ifPresent(result::add);
    }
    return result;
  }

  @GET
  @Path("stats")
  @RolesAllowed({Roles.TRADER, Roles.RISK_OFFICER, Roles.ADMIN})
  @Operation(
      summary = "This node's tick counters",
      description =
          "Ticks accepted, dropped as older than the newest seen (also per instrument), outside"
              + " the session, late for a closed bar; grid flushes.")
  public QuoteStats stats() {
    return quotes.stats();
  }

  @GET
  @Path("{instrument}")
  @RolesAllowed({Roles.TRADER, Roles.RISK_OFFICER, Roles.ADMIN})
  @Operation(summary = "Latest quote of one instrument; 404 naming it when unknown or unquoted")
  public QuoteDto get(@PathParam("instrument") String instrument) {
    InstrumentId id = Params.instrumentId("instrument", instrument);
    Optional<Tick> quote = quotes.latest(id);
    if (quote.isPresent()) {
      return dto(quote.get());
    }
    if (!master.contains(id)) {
      throw ApiException.notFound(
          "unknown instrument "
              + id
              + "; GET /api/v1/instruments?query="
              + id.symbol()
              + " searches the instrument master");
    }
    throw ApiException.notFound(
        "no quote for "
            + id
            + " yet: no feed has delivered a tick of it since the cluster started");
  }

  private QuoteDto dto(Tick tick) {
    return QuoteDto.of(tick, quotes.previousClose(tick));
  }
}
