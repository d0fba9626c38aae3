package com.sharewise.orders.internal;

import com.sharewise.orders.AccountDirectory;
import com.sharewise.security.Accounts;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The security area's accounts as the order path sees them. Accounts change rarely and are looked
 * up on every order, so answers are cached for a few seconds.
 */
public final class SecurityAccounts implements AccountDirectory {

  private record Cached(Optional<AccountInfo> info, long loadedAt) {}

  private static final long TTL_NANOS = Duration.ofSeconds(5).toNanos();

  private final Accounts accounts;
  private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

  public SecurityAccounts(Accounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public Optional<AccountInfo> find(long accountId) {
    Cached cached = cache.get(accountId);
    if (cached != null && fresh(cached, System.nanoTime())) {
      return cached.info();
    }
    // one query per expiry: the orders arriving meanwhile wait for it instead of each taking a
    // pooled connection for the same row (which at hundreds of orders a second empties the pool)
    return cache
        .compute(
            accountId,
            (id, current) -> {
              long now = System.nanoTime();
              if (current != null && fresh(current, now)) {
                return current; // another order loaded it while this one waited
              }
              return new Cached(
                  accounts
                      .find(id)
                      .map(a -> new AccountInfo(a.id(), a.ownerId(), a.brokerPluginId(), true)),
                  now);
            })
        .info();
  }

  private static boolean fresh(Cached cached, long now) {
    return now - cached.loadedAt() < TTL_NANOS;
  }
}
