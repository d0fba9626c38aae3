package com.sharewise.server.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sharewise.server.JsonMapper;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * Hands Jersey the API's one {@link ObjectMapper}. A named class rather than a lambda: Jersey finds
 * the resolved type from the class's generic interface, which a lambda erases.
 */
@Provider
public final class ObjectMapperResolver implements ContextResolver<ObjectMapper> {

  private final ObjectMapper mapper = JsonMapper.create();

  @Override
  public ObjectMapper getContext(Class<?> type) {
    return mapper;
  }
}
