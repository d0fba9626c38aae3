package com.sharewise.node.internal;

import com.sharewise.security.Accounts;
import com.sharewise.security.Users;
import com.sharewise.server.Roles;
import com.sharewise.server.ws.StreamUser;
import com.sharewise.server.ws.SubscriptionAuthorizer;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Who may follow which WebSocket channel. Market data (quotes, bars) is for every logged-in user.
 * Per-account channels (orders, fills, positions, strategy signals) are keyed by account id: the
 * account's owner may follow them, and risk officers and admins, who read every account. Channels
 * whose keys belong to one user (a backtest's progress) are registered with {@link #ownedKeys}: the
 * owner, risk officers and admins may follow them. Any other channel is refused: fail closed.
 */
final class StreamAuthorizer implements SubscriptionAuthorizer {

  static final Set<String> MARKET_DATA = Set.of("quotes", "bars");
  static final Set<String> PER_ACCOUNT = Set.of("orders", "fills", "positions", "signals");

  private final Users users;
  private final Accounts accounts;
  // channel -> the user id owning a key (empty: no such key)
  private final Map<String, Function<String, Optional<Long>>> owners = new ConcurrentHashMap<>();

  StreamAuthorizer(Users users, Accounts accounts) {
    this.users = users;
    this.accounts = accounts;
  }

  /** Lets the owner of each key of {@code channel} (as {@code ownerOf} tells) follow it. */
  void ownedKeys(String channel, Function<String, Optional<Long>> ownerOf) {
    owners.put(channel, ownerOf);
  }

  @Override
  public boolean mayReceive(StreamUser user, String channel, String key) {
    if (!user.authenticated()) {
      return false;
    }
    if (MARKET_DATA.contains(channel)) {
      return true;
    }
    if (PER_ACCOUNT.contains(channel)) {
      if (user.hasRole(Roles.RISK_OFFICER) || user.hasRole(Roles.ADMIN)) {
        return true;
      }
      long accountId = Long.parseLong(key); // canonical: the channel's validator checked it
      return users.find(user.name()).map(u -> accounts.owns(u.id(), accountId)).orElse(false);
    }
    Function<String, Optional<Long>> ownerOf = owners.get(channel);
    if (ownerOf != null) {
      if (user.hasRole(Roles.RISK_OFFICER) || user.hasRole(Roles.ADMIN)) {
        return true;
      }
      Optional<Long> owner = ownerOf.apply(key);
      return owner.isPresent()
          && users.find(user.name()).map(u -> u.id() == owner.get()).orElse(false);
    }
    return false;
  }
}
