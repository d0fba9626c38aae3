package com.sharewise.api.trading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A broker's view of an order at a moment: what the broker reports on its order book and in order
 * status pushes.
 *
 * @param clientOrderId the platform's id the order was placed with (its {@code tag})
 * @param brokerOrderId the broker's own id, or empty before the broker assigned one
 * @param status the order's state at the broker
 * @param filledQuantity quantity filled so far
 * @param averagePrice volume-weighted fill price so far, or null before any fill
 * @param message the broker's reason text for rejections and cancellations, else empty
 * @param time when the broker recorded this state
 */
public record OrderUpdate(
    String clientOrderId,
    String brokerOrderId,
    OrderStatus status,
    long filledQuantity,
    BigDecimal averagePrice,
    String message,
    Instant time) {

  public OrderUpdate {
    Objects.requireNonNull(clientOrderId, "clientOrderId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(time, "time");
    brokerOrderId = brokerOrderId == null ? "" : brokerOrderId;
    message = message == null ? "" : message;
  }
}
