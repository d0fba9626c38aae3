package com.sharewise.api.trading;

import java.util.Objects;

/**
 * Names a trading account on the platform. Brokers receive it so they can keep their own books per
 * account; it is not a broker login.
 *
 * @param id the platform's account id
 */
public record AccountRef(String id) {
  public AccountRef {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("account id must not be blank");
    }
  }

  @Override
  public String toString() {
    return id;
  }
}
