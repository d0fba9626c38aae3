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
    long now = System.nanoTime();
    Cached cached = cache.get(accountId);
    if (cached != null && now - cached.loadedAt() < TTL_NANOS) {
      return cached.info();
    }
    Optional<AccountInfo> info =
        accounts
            .find(accountId)
            .map(a -> new AccountInfo(a.id(), a.ownerId(), a.brokerPluginId(), true));
    cache.put(accountId, new Cached(info, now));
    return info;
  }
}
