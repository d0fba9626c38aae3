package com.sharewise.marketdata.rest;

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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code /api/v1/instruments}: search the instrument master, read one instrument, import the
 * broker's instrument file.
 */
@Path("instruments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Market data")
public final class InstrumentResource {

  private final InstrumentMaster master;

  public InstrumentResource(InstrumentMaster master) {
    this.master = master;
  }

  @GET
  @RolesAllowed({Roles.TRADER, Roles.RISK_OFFICER, Roles.ADMIN})
  @Operation(
      summary = "Search instruments",
      description =
          "Exact symbol first, then symbols starting with the query, then symbols, names, ISINs or"
              + " tokens containing it; case-insensitive. Without a query, instruments by id.")
  public List<InstrumentDto> search(
      @QueryParam("query") String query, @QueryParam("limit") String limit) {
    int max = Params.integer("limit", limit, 50, 1, 1000);
    return master.search(query, max).stream().map(InstrumentDto::of).toList();
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.TRADER, Roles.RISK_OFFICER, Roles.ADMIN})
  @Operation(summary = "One instrument by EXCHANGE:SYMBOL; 404 naming it when unknown")
  public InstrumentDto get(@PathParam("id") String id) {
    return InstrumentDto.of(master.require(Params.instrument("instrument", id, master)));
  }

  @POST
  @Path("import")
  @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      summary = "Import an instrument file",
      description =
          "CSV with header exchange,symbol,token,name,segment,tick_size,lot_size,isin (any order;"
              + " exchange, symbol and tick_size required). Inserts new and updates known"
              + " instruments in one transaction; any bad line → 400 listing line numbers and"
              + " reasons, nothing imported.")
  public ImportDto importCsv(InputStream body) {
    try {
      int count = master.importCsv(new InputStreamReader(body, StandardCharsets.UTF_8));
      return new ImportDto(count);
    } catch (CsvImportException e) {
      throw Params.badCsv(e);
    } catch (java.io.UncheckedIOException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  /** What an instrument import did. */
  public record ImportDto(int imported) {}
}
