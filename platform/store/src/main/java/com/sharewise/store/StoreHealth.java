package com.sharewise.store;

import java.util.Objects;

/**
 * The outcome of one live probe of the database (see {@link Store#health()}).
 *
 * @param up whether the database answered a query within the probe's timeout
 * @param mode {@value #EMBEDDED} when the store runs its own PostgreSQL, {@value #EXTERNAL} when it
 *     connects to a configured server
 * @param detail for humans: server version and pool statistics when up, the error when down
 */
public record StoreHealth(boolean up, String mode, String detail) {
  /** Mode of a store that started its own PostgreSQL server. */
  public static final String EMBEDDED = "embedded";

  /** Mode of a store connected to a server given by JDBC URL. */
  public static final String EXTERNAL = "external";

  /** Validates that mode and detail are present. */
  public StoreHealth {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(detail, "detail");
  }
}
