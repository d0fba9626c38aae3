package com.sharewise.server.openapi;

import io.swagger.v3.core.util.Json;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;

/**
 * {@code GET /api/v1/openapi.json}: the OpenAPI 3 document of every resource the node serves,
 * generated from the resource classes at start-up (public, like the API's shape itself).
 */
@Path("openapi.json")
public final class OpenApiResource {

  private final String document;

  /**
   * @param resourceClasses the JAX-RS resource classes to describe
   */
  public OpenApiResource(Set<Class<?>> resourceClasses) {
    try {
      this.document = Json.pretty(OpenApiDocument.generate(resourceClasses));
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot generate the OpenAPI document: " + e.getMessage(), e);
    }
  }

  /** The document. */
  @GET
  @PermitAll
  @Produces(MediaType.APPLICATION_JSON)
  public Response get() {
    return Response.ok(document, MediaType.APPLICATION_JSON_TYPE).build();
  }
}
