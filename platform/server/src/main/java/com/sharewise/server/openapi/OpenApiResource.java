package com.sharewise.server.openapi;

import io.swagger.v3.core.util.Json;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code GET /api/v1/openapi.json}: the OpenAPI 3 document of every resource the node serves
 * (public, like the API's shape itself). The document is generated on the first request and kept:
 * swagger-core reading every resource class costs about a second of CPU, which start-up should not
 * pay for a document few clients ask for. Thread-safe.
 */
@Path("openapi.json")
public final class OpenApiResource {

  private final Set<Class<?>> resourceClasses;
  private volatile String document;

  // not public: Jersey checks a resource's public constructors for injectable parameters even when
  // the resource is registered as an instance, and warned about this one at every start
  private OpenApiResource(Set<Class<?>> resourceClasses) {
    this.resourceClasses = Collections.unmodifiableSet(new LinkedHashSet<>(resourceClasses));
  }

  /**
   * The document resource.
   *
   * @param resourceClasses the JAX-RS resource classes to describe
   */
  public static OpenApiResource describing(Set<Class<?>> resourceClasses) {
    return new OpenApiResource(resourceClasses);
  }

  /** The document. */
  @GET
  @PermitAll
  @Produces(MediaType.APPLICATION_JSON)
  public Response get() {
    return Response.ok(document(), MediaType.APPLICATION_JSON_TYPE).build();
  }

  /**
   * The document, generated once; concurrent first requests wait for the one generating it.
   *
   * @throws IllegalStateException when a resource class cannot be described (a 500 naming the
   *     request id; the cause is logged)
   */
  public String document() {
    String generated = document;
    if (generated == null) {
      synchronized (this) {
        generated = document;
        if (generated == null) {
          try {
            generated = Json.pretty(OpenApiDocument.generate(resourceClasses));
          } catch (RuntimeException e) {
            throw new IllegalStateException(
                "cannot generate the OpenAPI document: " + e.getMessage(), e);
          }
          document = generated;
        }
      }
    }
    return generated;
  }
}
