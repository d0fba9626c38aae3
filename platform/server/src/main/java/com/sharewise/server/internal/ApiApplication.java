package com.sharewise.server.internal;

import com.sharewise.server.openapi.OpenApiResource;
import com.sharewise.server.security.AccessControlFeature;
import com.sharewise.server.security.TokenVerifier;
import jakarta.ws.rs.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;

/**
 * The JAX-RS application: the node's resources (passed in as instances, wired by the node rather
 * than by an injection container), our JSON mapper, the problem mappers for every error, access
 * control on every method (fail closed: without an {@link AccessControlFeature} among the
 * components, no token is accepted and only {@code @PermitAll} methods answer), Bean Validation,
 * and the OpenAPI document of all of it.
 */
public final class ApiApplication extends ResourceConfig {

  public ApiApplication(List<Object> components) {
    property(ServerProperties.WADL_FEATURE_DISABLE, true);
    // Jersey's own Jackson exception mappers answer in plain text; ours answer problem+json.
    register(JacksonFeature.withoutExceptionMappers());
    register(ObjectMapperResolver.class);
    register(ProblemMapper.class);
    register(BodySizeLimit.class);
    register(ValidationProblemMapper.class);
    register(RolesAllowedDynamicFeature.class);
    if (components.stream().noneMatch(AccessControlFeature.class::isInstance)) {
      register(new AccessControlFeature(TokenVerifier.NONE));
    }
    components.forEach(this::register);
    Set<Class<?>> resources = new LinkedHashSet<>();
    for (Object component : components) {
      if (component.getClass().isAnnotationPresent(Path.class)) {
        resources.add(component.getClass());
      }
    }
    resources.add(OpenApiResource.class);
    register(OpenApiResource.describing(resources));
  }
}
