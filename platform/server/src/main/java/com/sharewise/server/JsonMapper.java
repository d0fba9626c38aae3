package com.sharewise.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one JSON configuration of the public API: ISO-8601 times, strict input (unknown fields,
 * missing primitives and fractions for whole numbers are refused).
 */
public final class JsonMapper {

  private static final Map<Class<?>, String> TIME_EXAMPLES =
      Map.of(
          Instant.class, "2025-01-31T03:45:00Z",
          Duration.class, "P60D or PT30M",
          LocalDate.class, "2025-01-31",
          LocalTime.class, "09:15",
          LocalDateTime.class, "2025-01-31T09:15:00",
          OffsetDateTime.class, "2025-01-31T09:15:00+05:30");

  private static final Pattern QUALIFIED_TYPE =
      Pattern.compile("`(?:[a-z_][a-z0-9_]*\\.)+([A-Za-z_][\\w$]*)`");

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

  /**
   * A client's words for a body that did not map: where ({@code invalid field 'order.side'}) and
   * what, without Java class names or parser positions; an unknown field comes with the fields that
   * are known, an unknown enum value with the accepted ones.
   *
   * @param root the name of the member the mapped JSON came from ({@code given}), or "" for a whole
   *     request body
   */
  public static String describe(JsonMappingException mapping, String root) {
    String where =
        mapping.getPath().stream()
            .map(
                ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
            .collect(Collectors.joining("."));
    where = root.isEmpty() ? where : where.isEmpty() ? root : root + "." + where;
    String what =
        mapping instanceof InvalidFormatException invalid && invalid.getTargetType() != null
            ? refusedValue(invalid)
            : null;
    if (what == null) {
      what = mapping.getOriginalMessage();
      for (String noise : new String[] {" (class ", " (but could if coercion"}) {
        int cut = what.indexOf(noise);
        what = cut > 0 ? what.substring(0, cut) : what;
      }
      // `java.lang.Long` → Long: the client wrote JSON, not Java
      what = QUALIFIED_TYPE.matcher(what).replaceAll("$1");
    }
    if (mapping instanceof UnrecognizedPropertyException unknown
        && unknown.getKnownPropertyIds() != null
        && !unknown.getKnownPropertyIds().isEmpty()) {
      what +=
          "; known fields: "
              + unknown.getKnownPropertyIds().stream()
                  .map(String::valueOf)
                  .sorted()
                  .collect(Collectors.joining(", "));
    }
    return where.isEmpty()
        ? "invalid request body: " + what
        : "invalid field '" + where + "': " + what;
  }

  /** Why a value does not fit an enum, time or yes/no field, or null for other types. */
  private static String refusedValue(InvalidFormatException invalid) {
    Class<?> type = invalid.getTargetType();
    String value = "'" + invalid.getValue() + "'";
    if (type.isEnum()) {
      return value + " is not one of " + Arrays.toString(type.getEnumConstants());
    }
    if (TIME_EXAMPLES.containsKey(type)) {
      return value
          + " is not an ISO-8601 "
          + type.getSimpleName()
          + " such as "
          + TIME_EXAMPLES.get(type);
    }
    if (type == Boolean.class || type == boolean.class) {
      return value + " is not true or false";
    }
    return null;
  }
}
