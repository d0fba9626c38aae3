package com.sharewise.server.openapi;

import com.sharewise.server.Problem;
import com.sharewise.server.security.AccessRule;
import com.sharewise.server.security.RateLimited;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import jakarta.ws.rs.HttpMethod;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds the OpenAPI document from JAX-RS resource classes with swagger-core's reader, then adds
 * what the annotations of our security layer say: which operations are public, which need a bearer
 * token and which roles ({@code x-roles}), and the problem responses (401, 403, 429) the filters
 * answer with.
 */
public final class OpenApiDocument {

  static final String BEARER = "bearerAuth";

  private OpenApiDocument() {}

  /** The document for {@code resourceClasses}, served under {@code /api/v1}. */
  public static OpenAPI generate(Set<Class<?>> resourceClasses) {
    OpenAPI base =
        new OpenAPI()
            .info(
                new Info()
                    .title("ShareWise API")
                    .version("1")
                    .description(
                        "REST API of a ShareWise node. Log in at POST /auth/login and send the"
                            + " access token as Authorization: Bearer <token>. Errors are"
                            + " application/problem+json documents."))
            .servers(List.of(new Server().url("/api/v1")));
    SwaggerConfiguration config =
        new SwaggerConfiguration().openAPI(base).readAllResources(true).sortOutput(true);
    Reader reader = new Reader(config);
    OpenAPI api = reader.read(resourceClasses);
    Components components = api.getComponents() == null ? new Components() : api.getComponents();
    api.setComponents(components);
    components.addSecuritySchemes(
        BEARER,
        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"));
    Map<String, Schema> problem = ModelConverters.getInstance().read(Problem.class);
    problem.forEach(components::addSchemas);
    for (Class<?> resource : resourceClasses) {
      for (Method method : resource.getMethods()) {
        String http = httpMethod(method);
        if (http != null) {
          describeAccess(api, resource, method, http);
        }
      }
    }
    return api;
  }

  private static void describeAccess(OpenAPI api, Class<?> resource, Method method, String http) {
    if (api.getPaths() == null) {
      return;
    }
    PathItem item = api.getPaths().get(path(resource, method));
    if (item == null) {
      return;
    }
    Operation operation =
        item.readOperationsMap().get(PathItem.HttpMethod.valueOf(http.toUpperCase(Locale.ROOT)));
    if (operation == null) {
      return;
    }
    AccessRule rule = AccessRule.of(resource, method);
    ApiResponses responses =
        operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    operation.setResponses(responses);
    switch (rule.kind()) {
      case PUBLIC -> operation.setSecurity(new ArrayList<>());
      case ROLES -> {
        operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
        operation.addExtension("x-roles", rule.roles().stream().sorted().toList());
        responses.addApiResponse("401", problemResponse("missing, expired or invalid token"));
        responses.addApiResponse("403", problemResponse("the user's roles do not allow this"));
      }
      default -> {
        operation.addExtension("x-roles", List.of());
        responses.addApiResponse("403", problemResponse("closed to everyone"));
      }
    }
    if (method.getAnnotation(RateLimited.class) != null
        || resource.getAnnotation(RateLimited.class) != null) {
      responses.addApiResponse("429", problemResponse("rate limit exceeded; see Retry-After"));
    }
  }

  private static ApiResponse problemResponse(String description) {
    return new ApiResponse()
        .description(description)
        .content(
            new Content()
                .addMediaType(
                    Problem.MEDIA_TYPE,
                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
  }

  /** The path of a resource method as swagger-core writes it: templates without regexes. */
  static String path(Class<?> resource, Method method) {
    StringBuilder path = new StringBuilder();
    jakarta.ws.rs.Path classPath = resource.getAnnotation(jakarta.ws.rs.Path.class);
    jakarta.ws.rs.Path methodPath = method.getAnnotation(jakarta.ws.rs.Path.class);
    for (jakarta.ws.rs.Path part : new jakarta.ws.rs.Path[] {classPath, methodPath}) {
      if (part != null) {
        String value = part.value().replaceAll("^/+|/+$", "");
        if (!value.isEmpty()) {
          path.append('/').append(value);
        }
      }
    }
    String result = path.length() == 0 ? "/" : path.toString();
    return result.replaceAll("\\{\\s*(\\w[\\w.-]*)\\s*:[^}]*}", "{$1}");
  }

  /** The HTTP method annotation's name on {@code method}, or null for a non-endpoint. */
  static String httpMethod(Method method) {
    for (var annotation : method.getAnnotations()) {
      HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        return http.value();
      }
    }
    return null;
  }

  /** Every endpoint of {@code resourceClasses} as "METHOD /path", sorted. */
  public static Map<String, AccessRule> endpoints(Set<Class<?>> resourceClasses) {
    Map<String, AccessRule> endpoints = new TreeMap<>();
    for (Class<?> resource : resourceClasses) {
      for (Method method : resource.getMethods()) {
        String http = httpMethod(method);
        if (http != null) {
          endpoints.put(http + " " + path(resource, method), AccessRule.of(resource, method));
        }
      }
    }
    return endpoints;
  }
}
