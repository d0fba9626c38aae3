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
 * {@code GET /api/v1/health}: public, answers 200 when every part is UP and 503 otherwise, with the
 * same document either way so monitors and people see which part is down or still starting. The
 * node's status is DOWN when any part is DOWN, else STARTING when any part is still starting (for a
 * few seconds after start-up), else UP.
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
    HealthCheck.Status node = HealthCheck.Status.UP;
    for (HealthCheck check : checks) {
      HealthCheck.Result result = run(check);
      // the node is as bad as its worst part (Status is declared from best to worst)
      if (result.status().compareTo(node) > 0) {
        node = result.status();
      }
      results.put(
          check.name(),
          new CheckDto(
              result.status().name(),
              result.detail(),
              result.data().isEmpty() ? null : result.data()));
    }
    HealthDto body = new HealthDto(node.name(), results);
    return Response.status(node == HealthCheck.Status.UP ? 200 : 503).entity(body).build();
  }

  private static HealthCheck.Result run(HealthCheck check) {
    try {
      HealthCheck.Result result = check.check();
      return result != null ? result : HealthCheck.Result.down(check.name() + " reported nothing");
    } catch (RuntimeException e) {
      LOG.atWarn().setCause(e).addKeyValue("check", check.name()).log("health check failed");
      return HealthCheck.Result.down(check.name() + " check failed: " + e.getMessage());
    }
  }

  /** The health document. */
  public record HealthDto(String status, Map<String, CheckDto> checks) {}

  /** One part's state. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CheckDto(String status, String detail, Map<String, Object> data) {}
}
