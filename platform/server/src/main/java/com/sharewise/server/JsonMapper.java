package com.sharewise.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON configuration of the public API: ISO-8601 times, strict input (unknown fields,
 * missing primitives and fractions for whole numbers are refused).
 */
public final class JsonMapper {

  private JsonMapper() {}

  /** A new mapper configured for the API. */
  public static ObjectMapper create() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        // 1.5 for a whole-number field (a quantity, a count) is a mistake to name, not to truncate
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
  }
}
