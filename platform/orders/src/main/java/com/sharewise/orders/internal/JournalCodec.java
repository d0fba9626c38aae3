package com.sharewise.orders.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sharewise.orders.Order;
import com.sharewise.orders.OrderEvent;

/**
 * The journal's JSON form of events and orders. Unknown members are ignored when reading, so a
 * journal written by a newer version with an added field still replays.
 */
final class JournalCodec {

  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  OrderEvent event(String text) {
    return read(text, OrderEvent.class);
  }

  Order order(String text) {
    return read(text, Order.class);
  }

  /** The type name the journal stores beside the event, as in its JSON. */
  static String typeName(OrderEvent event) {
    return event.getClass().getSimpleName();
  }

  private <T> T read(String text, Class<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "unreadable " + type.getSimpleName() + " in the order journal: " + e.getOriginalMessage(),
          e);
    }
  }
}
