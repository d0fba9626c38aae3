package com.sharewise.orders.rest;

import com.sharewise.security.Accounts;
import com.sharewise.server.ApiException;
import com.sharewise.server.Roles;
import com.sharewise.server.security.AuthenticatedUser;
import jakarta.ws.rs.core.SecurityContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who may see and act on which account. Traders see and trade only their own accounts; risk
 * officers and admins see every account but trade for nobody else. Someone else's account answers
 * 404, as if it did not exist, so ids cannot be probed. Public so other areas' resources
 * (strategies) apply the same rules.
 */
public final class Access {

  private final Accounts accounts;

  public Access(Accounts accounts) {
    this.accounts = accounts;
  }

  public static AuthenticatedUser caller(SecurityContext security) {
    if (security != null && security.getUserPrincipal() instanceof AuthenticatedUser user) {
      return user;
    }
    throw ApiException.unauthorized("log in first");
  }

  /** The accounts the caller may see: null means every account. */
  public Set<Long> visible(AuthenticatedUser user) {
    if (user.hasRole(Roles.RISK_OFFICER) || user.hasRole(Roles.ADMIN)) {
      return null;
    }
    Set<Long> own = new HashSet<>();
    accounts.ownedBy(user.userId()).forEach(a -> own.add(a.id()));
    return own;
  }

  /** The visible accounts narrowed to {@code accountId} when given. */
  public Set<Long> visible(AuthenticatedUser user, Long accountId) {
    Set<Long> all = visible(user);
    if (accountId == null) {
      return all;
    }
    if (all != null && !all.contains(accountId)) {
      throw ApiException.notFound("no account " + accountId);
    }
    return Set.of(accountId);
  }

  /** Whether the caller may see {@code accountId}'s orders and positions. */
  public boolean maySee(AuthenticatedUser user, long accountId) {
    Set<Long> all = visible(user);
    return all == null || all.contains(accountId);
  }

  /** Fails unless the caller owns {@code accountId} (only owners trade). */
  public void requireOwner(AuthenticatedUser user, long accountId) {
    if (!accounts.owns(user.userId(), accountId)) {
      throw ApiException.notFound("no account " + accountId + " of yours");
    }
  }

  /** The caller's own account ids. */
  public List<Long> own(AuthenticatedUser user) {
    return accounts.ownedBy(user.userId()).stream().map(a -> a.id()).toList();
  }
}
