package com.sharewise.server.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/health}: public, answers 200 when every part is up and 503 otherwise, with the
 * same document either way so monitors and people see which part is down.
 */
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {

  private static final Logger LOG = LoggerFactory.getLogger(HealthResource.class);

  private final List<HealthCheck> checks;

  public HealthResource(List<HealthCheck> checks) {
    this.checks = List.copyOf(checks);
  }

  /** The health document. */
  @GET
  @PermitAll
  public Response health() {
    Map<String, CheckDto> results = new LinkedHashMap<>();
    boolean allUp = true;
    for (HealthCheck check : checks) {
      CheckDto result = run(check);
      allUp &= result.status().equals("UP");
      results.put(check.name(), result);
    }
    HealthDto body = new HealthDto(allUp ? "UP" : "DOWN", results);
    return Response.status(allUp ? 200 : 503).entity(body).build();
  }

  private static CheckDto run(HealthCheck check) {
    try {
      HealthCheck.Result result = check.check();
      return new CheckDto(
          result.up() ? "UP" : "DOWN",
          result.detail(),
          result.data().isEmpty() ? null : result.data());
    } catch (RuntimeException e) {
      LOG.atWarn().setCause(e).addKeyValue("check", check.name()).log("health check failed");
      return new CheckDto("DOWN", check.name() + " check failed: " + e.getMessage(), null);
    }
  }

  /** The health document. */
  public record HealthDto(String status, Map<String, CheckDto> checks) {}

  /** One part's state. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CheckDto(String status, String detail, Map<String, Object> data) {}
}
