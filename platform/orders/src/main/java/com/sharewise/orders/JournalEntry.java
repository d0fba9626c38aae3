package com.sharewise.orders;

import java.util.Objects;

/**
 * One event as the journal writes it, with the order it leads to (the journal keeps the current
 * state beside the events, for queries).
 *
 * @param event the change
 * @param after the order after the change
 */
public record JournalEntry(OrderEvent event, Order after) {
  public JournalEntry {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(after, "after");
  }
}
