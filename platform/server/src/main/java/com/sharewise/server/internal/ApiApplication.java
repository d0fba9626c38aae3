package com.sharewise.server.internal;

import java.util.List;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The JAX-RS application: the node's resources (passed in as instances, wired by the node rather
 * than by an injection container), our JSON mapper, and the problem mapper for every error.
 */
public final class ApiApplication extends ResourceConfig {

  public ApiApplication(List<Object> components) {
    property(ServerProperties.WADL_FEATURE_DISABLE, true);
    // Jersey's own Jackson exception mappers answer in plain text; ours answer problem+json.
    register(JacksonFeature.withoutExceptionMappers());
    register(ObjectMapperResolver.class);
    register(ProblemMapper.class);
    components.forEach(this::register);
  }
}
